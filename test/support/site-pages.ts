// Every page of the site as the browser reaches it, from the one chapter list.
import { extraPages, parts, sourceOf } from '../../docs/.vitepress/sidebar'
import { readPage } from './pages'

export interface SitePage {
  /** Clean URL path without the base, e.g. `luajit/ffi` ('' for home). */
  path: string
  /** Markdown source relative to docs/. */
  source: string
  title: string
}

export const sitePages: SitePage[] = [
  { path: '', source: 'index.md', title: 'OpenResty/LuaJIT 学习笔记' },
  ...[...parts.flatMap((p) => p.chapters), ...extraPages].map((c) => ({
    path: c.link.slice(1),
    source: sourceOf(c.link),
    title: c.text,
  })),
]

export const chapterPages = sitePages.filter((p) => p.source !== 'index.md')

/** The H1 of a page, i.e. its frontmatter title, by clean path without the base ('' for home). */
export function titleOf(pagePath: string): string {
  const p = sitePages.find((s) => s.path === pagePath)
  if (!p) throw new Error(`titleOf: "${pagePath}" is not a page of the site (test/support/site-pages.ts)`)
  return readPage(p.source).frontmatter.title || p.title
}
