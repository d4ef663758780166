// Renders the glossary (../data/glossary.ts) into the Markdown of
// docs/glossary.md, in place of the line `<!-- @glossary -->`, before
// markdown-it parses the page. Being Markdown, every entry is a real heading:
// its text is in the server HTML and in the search index (one section per
// entry), and its anchor shows in the permalink and the link checker.
//
// Each link must name a heading `{#anchor}` of a page in the chapter list:
// a wrong link fails the build with the entry's line in glossary.ts.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MarkdownRenderer } from 'vitepress'
import { GLOSSARY, type GlossaryEntry } from '../data/glossary'
import { extraPages, parts, sourceOf, type Chapter } from '../sidebar'

export const GLOSSARY_MARKER = '<!-- @glossary -->'
const DOCS = fileURLToPath(new URL('../../', import.meta.url))
const DATA_FILE = fileURLToPath(new URL('../data/glossary.ts', import.meta.url))

/** Pages in sidebar order; a group's anchor is `chapter-` plus its path. */
function chapters(): Chapter[] {
  return [...parts.flatMap((p) => p.chapters), ...extraPages]
}

export function chapterAnchor(link: string): string {
  return `chapter-${link.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase() || 'home'}`
}

/** `docs/.vitepress/data/glossary.ts:LINE` of an entry, for error messages. */
export function entryLocation(id: string, file = DATA_FILE): string {
  const rel = path.relative(path.resolve(DOCS, '..'), file)
  if (!fs.existsSync(file)) return rel
  const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(`id: '${id}'`))
  return line >= 0 ? `${rel}:${line + 1}` : rel
}

/** Headings `{#anchor}` of one Markdown page: anchor → heading text. */
export function headingsOf(markdown: string): Map<string, string> {
  const out = new Map<string, string>()
  let fence = false
  for (const line of markdown.split('\n')) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) fence = !fence
    if (fence) continue
    const m = /^#{1,6}\s+(.*?)\s*\{#([A-Za-z0-9_-]+)\}\s*$/.exec(line)
    if (m) out.set(m[2]!, m[1]!)
  }
  return out
}

export interface ResolvedEntry extends GlossaryEntry {
  chapter: Chapter
  /** Text of the heading the link points to. */
  sectionTitle: string
}

/** Checks every link against the pages' headings; throws naming the entry's line. */
export function resolveGlossary(entries: readonly GlossaryEntry[] = GLOSSARY, docs = DOCS): ResolvedEntry[] {
  const pages = chapters()
  const headingCache = new Map<string, Map<string, string>>()
  return entries.map((e) => {
    const [page = '', anchor] = e.link.split('#')
    const chapter = pages.find((c) => c.link === page)
    if (!chapter) throw new Error(`${entryLocation(e.id)}: glossary entry "${e.id}" links to ${e.link}, which is not a page in docs/.vitepress/sidebar.ts`)
    if (!anchor) throw new Error(`${entryLocation(e.id)}: glossary entry "${e.id}" links to ${e.link} without a #anchor of the section that teaches it`)
    let headings = headingCache.get(page)
    if (!headings) {
      headings = headingsOf(fs.readFileSync(path.join(docs, sourceOf(page)), 'utf8'))
      headingCache.set(page, headings)
    }
    const sectionTitle = headings.get(anchor)
    if (sectionTitle === undefined) {
      throw new Error(`${entryLocation(e.id)}: glossary entry "${e.id}" links to ${e.link}, but docs/${sourceOf(page)} has no heading {#${anchor}}`)
    }
    return { ...e, chapter, sectionTitle }
  })
}

/** Plain text in Markdown: characters that would start markup are escaped. */
function text(s: string): string {
  return s.replace(/([\\`*_[\]<>#|~])/g, '\\$1')
}

function code(s: string): string {
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``
}

function renderEntry(e: ResolvedEntry): string {
  const names: string[] = []
  if (e.en) names.push(`英文：${text(e.en)}`)
  if (e.api?.length) names.push(`API：${e.api.map(code).join('、')}`)
  if (e.variants?.length) names.push(`也写作：${e.variants.map(text).join('、')}`)
  const section = e.sectionTitle === e.chapter.text ? e.chapter.text : `${e.chapter.text} › ${e.sectionTitle}`
  return [
    `### ${text(e.term)} {#${e.id}}`,
    '',
    `${e.definition}[详见：${section}](${e.link})`,
    ...(names.length ? ['', names.join('；')] : []),
    '',
  ].join('\n')
}

/** The Markdown that replaces the marker: a chapter index, then one H2 per chapter and one H3 per entry. */
export function renderGlossary(entries: readonly GlossaryEntry[] = GLOSSARY, docs = DOCS): string {
  const resolved = resolveGlossary(entries, docs)
  const order = chapters()
  const groups = order
    .map((c) => ({ chapter: c, entries: resolved.filter((e) => e.chapter === c) }))
    .filter((g) => g.entries.length > 0)
  const out = [
    `全表共 ${resolved.length} 个术语，按讲解它们的章节分组：${groups.map((g) => `[${g.chapter.text}](#${chapterAnchor(g.chapter.link)})（${g.entries.length}）`).join('、')}。`,
    '',
    '<div class="glossary">',
    '',
  ]
  for (const g of groups) {
    out.push(`## ${text(g.chapter.text)} {#${chapterAnchor(g.chapter.link)}}`, '')
    for (const e of g.entries) out.push(renderEntry(e))
  }
  out.push('</div>', '')
  return out.join('\n')
}

/** markdown-it plugin: replaces the marker line before parsing. */
export function glossaryPlugin(md: MarkdownRenderer): void {
  md.core.ruler.before('normalize', 'openresty-notes-glossary', (state) => {
    if (state.src.includes(GLOSSARY_MARKER)) state.src = state.src.replace(GLOSSARY_MARKER, renderGlossary())
  })
}
