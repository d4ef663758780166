// Re-creates the documents VitePress 1.6 indexes for local search, so that the
// same sections can be indexed with different tokenizers and compared.
//
// VitePress renders each page's Markdown (here with our `_render`), cuts the
// HTML at every heading that carries a `#` link, and indexes one document per
// section: `title` = the heading, `titles` = the headings above it, `text` = the
// section's HTML with tags removed. A section without a title or body is
// skipped; text before the first heading is never indexed.
import fs from 'node:fs'
import path from 'node:path'
import { createMarkdownRenderer, resolveConfig } from 'vitepress'
import { renderForSearch } from '../../docs/.vitepress/search/render'
import type { SectionDoc } from '../../docs/.vitepress/search'

const HEADING = /<h(\d*).*?>(.*?<a.*? href="#.*?".*?>.*?<\/a>)<\/h\1>/gi
const HEADING_PARTS = /(.*?)<a.*? href="#(.*?)".*?>.*?<\/a>/i
const stripTags = (s: string) => s.replace(/<[^>]*>/g, '')

export function splitSections(html: string): { anchor: string; titles: string[]; text: string }[] {
  const parts = html.split(HEADING)
  parts.shift()
  const out: { anchor: string; titles: string[]; text: string }[] = []
  let parents: string[] = []
  for (let i = 0; i < parts.length; i += 3) {
    const level = Number.parseInt(parts[i] ?? '', 10) - 1
    const m = HEADING_PARTS.exec(parts[i + 1] ?? '')
    const title = stripTags(m?.[1] ?? '').trim()
    const anchor = m?.[2] ?? ''
    const body = parts[i + 2]
    if (!title || !body) continue
    const titles = [...parents.slice(0, level)]
    titles[level] = title
    out.push({ anchor, titles: titles.filter(Boolean), text: stripTags(body) })
    if (level === 0) parents = [title]
    else parents[level] = title
  }
  return out
}

/** Every section document of the site, with ids as VitePress makes them. */
export async function siteSections(root: string): Promise<{ base: string; docs: SectionDoc[] }> {
  const config = await resolveConfig(root, 'build', 'production')
  const md = await createMarkdownRenderer(config.srcDir, config.markdown, config.site.base, config.logger)
  const docs: SectionDoc[] = []
  for (const page of [...config.pages].sort()) {
    const file = path.join(config.srcDir, page)
    const rel = config.rewrites.map[page] || page
    const fileId = path.posix
      .join(config.site.base, rel)
      .replace(/(^|\/)index\.md$/, '$1')
      .replace(/\.md$/, config.cleanUrls ? '' : '.html')
    const env = { path: file, relativePath: page, cleanUrls: config.cleanUrls ?? false }
    const html = await renderForSearch(fs.readFileSync(file, 'utf8'), env, md)
    for (const s of splitSections(html)) {
      docs.push({ id: s.anchor ? `${fileId}#${s.anchor}` : fileId, title: s.titles.at(-1)!, titles: s.titles.slice(0, -1), text: s.text })
    }
  }
  return { base: config.site.base, docs }
}
