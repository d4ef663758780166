// Two build-time markers, expanded before a page's Markdown is parsed:
// - `<!-- book: contents -->` (docs/print.md): the whole book, assembled from
//   the chapters' Markdown in sidebar order (book/assemble.ts);
// - `<!-- book: download -->` (docs/index.md): links to the one-page book and,
//   when `npm run pdf` has written it, to the PDF with its size and date.
//   Without a PDF the line links to the one-page book only: no broken link.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MarkdownRenderer } from 'vitepress'
import { assembleBook, type BookChapter } from '../book/assemble'
import { extraPages, parts, sourceOf } from '../sidebar'
import { GLOSSARY_MARKER, renderGlossary } from './glossary'
import { readSiteEnv } from '../site'

export const DOCS_DIR = fileURLToPath(new URL('../../', import.meta.url))
/** Clean URL of the one-page book. */
export const BOOK_LINK = '/print'
/** File name of the PDF, in docs/public/ (so the site build copies it) and at the site's root. */
export const PDF_NAME = 'openresty-luajit-notes.pdf'
export const PDF_PATH = path.join(DOCS_DIR, 'public', PDF_NAME)

/** Every chapter in sidebar order, then the extra pages (references) as an appendix. */
export function bookChapters(): BookChapter[] {
  return [
    ...parts.flatMap((p) => p.chapters.map((c) => ({ part: p.text, text: c.text, link: c.link, source: sourceOf(c.link) }))),
    ...extraPages.map((c) => ({ part: '附录', text: c.text, link: c.link, source: sourceOf(c.link) })),
  ]
}

/** `## 小测验 {#quiz}` and what follows it up to the next H2 (CONTRIBUTING.md: the quiz sits before 参考资料). */
const QUIZ_SECTION = /^## 小测验 \{#quiz\}\n[\s\S]*?(?=^## )/m

const today = () => new Date().toISOString().slice(0, 10)

function bookMarkdown(): string {
  const chapters = bookChapters()
  const site = readSiteEnv()
  const cover = [
    '<div class="book-cover-info">',
    '',
    `全书 ${chapters.length} 章按目录顺序排在这一页上，构建网站时由各章的 Markdown 源文件拼成，内容与各章页面相同。用浏览器打印这一页（A4）即得到全书的纸质版。`,
    '',
    `在线阅读：<${site.origin}${site.base}>　生成日期：${today()}`,
    '',
    '</div>',
  ].join('\n')
  // A page whose body a marker fills at build time (the glossary) joins the book filled, so its links are rewritten too.
  // A chapter's quiz stays on its page: it is interactive, and its links are drawn by a component, out of reach of the rewrite.
  const read = (source: string) =>
    fs
      .readFileSync(path.join(DOCS_DIR, source), 'utf8')
      .replace(GLOSSARY_MARKER, () => renderGlossary())
      .replace(QUIZ_SECTION, '')
  return assembleBook(chapters, read, { cover })
}

export interface PdfInfo {
  bytes: number
  /** `YYYY-MM-DD`, from the PDF's own creation date. */
  date: string
}

/** Size and creation date of a PDF Chromium wrote, or null when there is none. */
export function readPdfInfo(file = PDF_PATH): PdfInfo | null {
  if (!fs.existsSync(file)) return null
  const bytes = fs.statSync(file).size
  // Chromium writes an uncompressed info dictionary: /CreationDate (D:YYYYMMDDHHmmSS…)
  const head = fs.readFileSync(file).toString('latin1')
  const m = /\/CreationDate\s*\(D:(\d{4})(\d{2})(\d{2})/.exec(head)
  if (!m) throw new Error(`${file}: no /CreationDate in this PDF; delete it or run \`npm run pdf\` again`)
  return { bytes, date: `${m[1]}-${m[2]}-${m[3]}` }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`
}

function downloadMarkdown(): string {
  const pdf = readPdfInfo()
  // A new tab with the server's HTML: within the site, VitePress would prefetch
  // and then draw the whole book from its 1.2 MB page chunk.
  const book = `<a href="${readSiteEnv().base}${BOOK_LINK.slice(1)}" target="_blank">全书单页版</a>（可直接打印）`
  if (!pdf) return `**离线阅读：** ${book}。`
  return `**离线阅读：** ${book}，或下载 [PDF](/${PDF_NAME})（${formatBytes(pdf.bytes)}，${pdf.date} 生成）。`
}

const MARKER = /^<!-- book: ([a-z]+) -->[ \t]*$/gm

export function bookPlugin(md: MarkdownRenderer): void {
  md.core.ruler.before('normalize', 'book-markers', (state) => {
    if (!state.src.includes('<!-- book: ')) return
    state.src = state.src.replace(MARKER, (_m, what: string) => {
      if (what === 'contents') return bookMarkdown()
      if (what === 'download') return downloadMarkdown()
      throw new Error(`docs/${(state.env as { relativePath?: string }).relativePath ?? '?'}: unknown marker <!-- book: ${what} --> (known: contents, download)`)
    })
  })
}
