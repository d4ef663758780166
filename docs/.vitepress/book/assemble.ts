// The whole book as one Markdown document: every chapter of the sidebar, in
// order, built from the chapters' own Markdown when the site is built. Ids
// stay unique on the one page (each chapter's anchors get its prefix) and
// links between chapters become links within the page.
import path from 'node:path'

export interface BookChapter {
  /** Title of the part the chapter belongs to (sidebar group). */
  part: string
  /** Sidebar text of the chapter. */
  text: string
  /** Clean URL without base, e.g. `/luajit/ffi` or `/luajit/`. */
  link: string
  /** Markdown source relative to docs/, e.g. `luajit/ffi.md`. */
  source: string
}

/** Markdown source text of a chapter, by its path relative to docs/. */
export type ReadSource = (source: string) => string

/** Id of a chapter's title on the one page: `/luajit/ffi` → `luajit-ffi`, `/luajit/` → `luajit`. */
export function chapterId(link: string): string {
  const id = link.replace(/^\/+|\/+$/g, '').replace(/\//g, '-')
  return id || 'home'
}

/** Id of a chapter's anchor on the one page: `luajit-ffi--gc64`. */
export function sectionId(link: string, anchor: string): string {
  return `${chapterId(link)}--${anchor}`
}

/** A page path as the sidebar writes it: `/luajit/index.md` → `/luajit/`, `/a/b.html` → `/a/b`. */
function normalizePage(p: string): string {
  const clean = p.replace(/\.(md|html)$/, '')
  return clean.endsWith('/index') ? clean.slice(0, -'index'.length) : clean
}

interface Heading {
  line: number
  level: number
  text: string
  id?: string
}

interface ParsedChapter extends BookChapter {
  /** Body lines after the frontmatter; `bodyStart` is the file line of body[0]. */
  body: string[]
  bodyStart: number
  /** Line index (in body) → heading; headings outside fenced code only. */
  headings: Map<number, Heading>
  /** Lines (in body) that are inside fenced code. */
  code: Set<number>
  /** Ids a link may point to: the chapter's heading anchors. */
  ids: Set<string>
  /** The chapter's H1 (its own anchor, if any, means "the chapter"). */
  title: Heading
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*$/
const ATTRS = /\s*\{([^{}]*)\}\s*$/

function parseChapter(ch: BookChapter, src: string): ParsedChapter {
  const lines = src.replace(/\r\n/g, '\n').split('\n')
  let start = 0
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1)
    if (end < 0) throw new Error(`docs/${ch.source}:1: unterminated frontmatter`)
    start = end + 1
  }
  const body = lines.slice(start)
  const headings = new Map<number, Heading>()
  const code = new Set<number>()
  let fence: { char: string; len: number } | null = null
  body.forEach((line, i) => {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fence) {
      code.add(i)
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len && line.trim() === m[1]) fence = null
      return
    }
    if (m) {
      fence = { char: m[1]![0]!, len: m[1]!.length }
      code.add(i)
      return
    }
    const h = HEADING.exec(line)
    if (!h) return
    const where = `docs/${ch.source}:${start + i + 1}`
    let text = h[2]!
    let id: string | undefined
    const attrs = ATTRS.exec(text)
    if (attrs) {
      const idAttr = /^#([A-Za-z0-9][\w-]*)$/.exec(attrs[1]!.trim())
      if (!idAttr) throw new Error(`${where}: the one-page book only understands a heading attribute of the form {#id}, not {${attrs[1]}}`)
      id = idAttr[1]
      text = text.slice(0, attrs.index)
    }
    headings.set(i, { line: start + i + 1, level: h[1]!.length, text, id })
  })
  const titles = [...headings.values()].filter((h) => h.level === 1)
  if (titles.length !== 1) {
    throw new Error(`docs/${ch.source}: the one-page book needs exactly one H1 per chapter, found ${titles.length} (${titles.map((t) => `line ${t.line}`).join(', ')})`)
  }
  const ids = new Set([...headings.values()].flatMap((h) => (h.id && h.level > 1 ? [h.id] : [])))
  return { ...ch, body, bodyStart: start + 1, headings, code, ids, title: titles[0]! }
}

/** Applies `fn` to the parts of a line outside inline code spans. */
function outsideInlineCode(line: string, fn: (text: string) => string): string {
  let out = ''
  let i = 0
  while (i < line.length) {
    const tick = line.indexOf('`', i)
    if (tick < 0) break
    let run = tick
    while (line[run] === '`') run++
    const ticks = line.slice(tick, run)
    // The closing run has exactly as many backticks (CommonMark code spans).
    let close = line.indexOf(ticks, run)
    while (close >= 0 && (line[close + ticks.length] === '`' || line[close - 1] === '`')) close = line.indexOf(ticks, close + 1)
    if (close < 0) {
      out += fn(line.slice(i, run))
      i = run
      continue
    }
    out += fn(line.slice(i, tick)) + line.slice(tick, close + ticks.length)
    i = close + ticks.length
  }
  return out + fn(line.slice(i))
}

class Book {
  private readonly byPage = new Map<string, ParsedChapter>()

  constructor(readonly chapters: ParsedChapter[]) {
    for (const ch of chapters) this.byPage.set(normalizePage(ch.link), ch)
  }

  /** Where an anchor of a chapter lives on the one page; throws for an anchor the chapter does not have. */
  private anchor(target: ParsedChapter, hash: string, where: string): string {
    if (hash === '' || hash === target.title.id) return chapterId(target.link)
    if (!target.ids.has(hash)) throw new Error(`${where}: links to #${hash}, but docs/${target.source} has no heading {#${hash}}`)
    return sectionId(target.link, hash)
  }

  /** A link of chapter `from` as it must read on the one page. */
  rewriteUrl(url: string, from: ParsedChapter, where: string): string {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return url // external, mailto:, data:
    const hashAt = url.indexOf('#')
    const pathPart = hashAt < 0 ? url : url.slice(0, hashAt)
    const hash = hashAt < 0 ? '' : decodeURIComponent(url.slice(hashAt + 1))
    if (pathPart === '') return `#${this.anchor(from, hash, where)}`
    const [pagePath, query] = pathPart.split('?')
    const absolute = pagePath!.startsWith('/') ? pagePath! : path.posix.join(path.posix.dirname(`/${from.source}`), pagePath!)
    const target = this.byPage.get(normalizePage(absolute))
    if (target && query === undefined) return `#${this.anchor(target, hash, where)}`
    // Not a chapter (the home page, a file): the site path, which is absolute now.
    return `${absolute}${query !== undefined ? `?${query}` : ''}${hashAt < 0 ? '' : url.slice(hashAt)}`
  }

  /** The chapter's body as it appears on the one page. */
  render(ch: ParsedChapter): string {
    const out: string[] = []
    ch.body.forEach((line, i) => {
      const where = `docs/${ch.source}:${ch.bodyStart + i}`
      if (ch.code.has(i)) {
        out.push(line)
        return
      }
      const h = ch.headings.get(i)
      if (h) {
        if (h.level === 1) {
          out.push(`## ${h.text} {#${chapterId(ch.link)}}`)
          return
        }
        if (h.level === 6) throw new Error(`${where}: an H6 cannot move down one level in the one-page book (chapter titles become H2 there)`)
        if (!h.id) throw new Error(`${where}: heading "${h.text}" has no {#id} anchor; the one-page book prefixes anchors to keep them unique`)
        out.push(`${'#'.repeat(h.level + 1)} ${h.text} {#${sectionId(ch.link, h.id)}}`)
        return
      }
      out.push(
        outsideInlineCode(line, (text) =>
          text
            // [text](url) and [text](url "title")
            .replace(/\]\(\s*<?([^()\s<>]+)>?((?:\s+"[^"]*")?\s*)\)/g, (_m, url: string, rest: string) => `](${this.rewriteUrl(url, ch, where)}${rest})`)
            // [label]: url
            .replace(/^(\s{0,3}\[[^\]]+\]:\s*)(\S+)/, (_m, lead: string, url: string) => `${lead}${this.rewriteUrl(url, ch, where)}`),
        ),
      )
    })
    return out.join('\n').trim()
  }
}

export interface AssembleOptions {
  /** Extra lines put before the table of contents (the cover's details). */
  cover?: string
}

/**
 * The Markdown of the one-page book: a table of contents, then every chapter
 * with its H1 as an H2 (the page has one H1, the book's title), its headings
 * one level lower, its anchors prefixed with the chapter's id and its links
 * to other chapters turned into links within the page.
 */
export function assembleBook(chapters: BookChapter[], read: ReadSource, options: AssembleOptions = {}): string {
  const book = new Book(chapters.map((ch) => parseChapter(ch, read(ch.source))))
  const parts: { title: string; chapters: ParsedChapter[] }[] = []
  for (const ch of book.chapters) {
    const last = parts.at(-1)
    if (last?.title === ch.part) last.chapters.push(ch)
    else parts.push({ title: ch.part, chapters: [ch] })
  }
  const toc = parts.flatMap((p) => [`- ${p.title}`, ...p.chapters.map((ch) => `  - [${ch.text}](#${chapterId(ch.link)})`)])
  const out: string[] = []
  if (options.cover) out.push(options.cover, '')
  out.push('## 目录 {#book-contents}', '', ...toc, '')
  for (const part of parts) {
    // A part's title is not a heading: chapters stay H2 on the page and at the top level of the PDF's bookmarks.
    out.push(`<p class="book-part">${escapeHtml(part.title)}</p>`, '')
    for (const ch of part.chapters) out.push(book.render(ch), '')
  }
  return out.join('\n')
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
