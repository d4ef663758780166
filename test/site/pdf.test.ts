// The PDF of the book, printed from the test build the way `npm run pdf`
// prints it (scripts/pdf/print.ts), read back with Debian's poppler-utils:
// every chapter starts a page in sidebar order, pages are numbered, the
// bookmarks name every chapter, every font is embedded. A chapter printed
// on its own carries none of the site's chrome.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BOOK_LINK, bookChapters } from '../../docs/.vitepress/plugins/book'
import { printBook } from '../../scripts/pdf/print'
import { browserUnavailable, isCI } from '../support/browser'
import { useBuiltSite } from '../support/built-site'
import { fileIfChanged, hashFileOf } from '../support/build-cache'
import { ROOT, TEST_DIST } from '../support/paths'

const OUT = path.join(ROOT, 'test/.output/pdf')
const POPPLER_HINT = 'poppler-utils (pdftotext, pdffonts, pdfinfo) not found: install it with `apt-get install poppler-utils`'

function popplerMissing(): boolean {
  if (spawnSync('pdftotext', ['-v']).error === undefined) return false
  if (isCI) throw new Error(`CI=true and ${POPPLER_HINT}`)
  console.warn(`\n!!!!! SKIPPING PDF TESTS: ${POPPLER_HINT} !!!!!\n`)
  return true
}

const skip = browserUnavailable() || popplerMissing()
const site = useBuiltSite()

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.error}`)
  return r.stdout
}

/**
 * Text of each page (pdftotext separates pages with form feeds). `-layout`
 * keeps a line's Latin and CJK runs (different fonts) in reading order.
 */
function pagesOf(file: string): string[] {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1)
}

/** pdftotext spaces Latin and CJK runs apart as laid out; compare without white space. */
const squash = (s: string) => s.replace(/\s+/g, '')

/** Labels of the site's chrome that no chapter's prose contains. */
const CHROME_LINES = ['在 GitHub 上编辑此页', '回到顶部', '本页目录', '菜单', '上一页', '下一页', '跳到正文', '搜索']

describe.skipIf(skip)('the PDF of the book', () => {
  const chapters = bookChapters()
  const file = path.join(OUT, 'book.pdf')
  let pages: string[] = []

  // Printing the book takes half a minute of both cores. Like the site build,
  // it is done again only when what it is printed from changed: the build's
  // sources (their hash, support/build-cache.ts) or the Chromium that prints.
  beforeAll(async () => {
    const siteHash = hashFileOf(TEST_DIST)
    const from = fs.existsSync(siteHash) ? `site ${fs.readFileSync(siteHash, 'utf8').trim()}, Chromium ${site.browser.version()}` : ''
    const started = Date.now()
    const made = await fileIfChanged(file, from, () => printBook(site.browser, site.url(BOOK_LINK.slice(1))), process.env.SITE_TEST_REBUILD === '1')
    console.log(
      made === 'made'
        ? `[pdf] ${path.relative(ROOT, file)}: printed in ${((Date.now() - started) / 1000).toFixed(1)} s`
        : `[pdf] ${path.relative(ROOT, file)}: printed from the same build and Chromium (${from}), reusing it`,
    )
    pages = pagesOf(file)
    console.log(`[pdf] ${path.relative(ROOT, file)}: ${fs.statSync(file).size} B, ${pages.length} pages`)
  }, 300_000)

  it('is A4 and has a page per chapter at least', () => {
    const info = run('pdfinfo', [file])
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+|Page size:\s+595\.\d+ x 842\.\d+/)
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(pages.length)
    expect(pages.length).toBeGreaterThan(chapters.length + 2)
  })

  it('opens with a cover, then the table of contents in sidebar order', () => {
    expect(squash(pages[0]!)).toContain(squash('OpenResty/LuaJIT 学习笔记：全书'))
    const toc = squash(pages[1]!)
    expect(toc.startsWith('目录')).toBe(true)
    let at = 0
    for (const c of chapters) {
      const i = toc.indexOf(squash(c.text), at)
      expect(i, `${c.text} in the table of contents after position ${at}`).toBeGreaterThan(-1)
      at = i
    }
  })

  it('starts every chapter on a new page, in sidebar order', () => {
    let after = 1
    const starts: string[] = []
    for (const c of chapters) {
      const title = squash(c.text)
      // The chapter's page begins with its title, or with its part's title and then its own.
      const i = pages.findIndex((p, n) => n > after && (squash(p).startsWith(title) || squash(p).startsWith(squash(c.part) + title)))
      expect(i, `a page after page ${after + 1} that starts with “${c.text}”`).toBeGreaterThan(after)
      starts.push(`${c.text}: page ${i + 1}`)
      after = i
    }
    console.log(`[pdf] chapters start on ${starts.join(', ')}`)
  })

  it('numbers every page', () => {
    const unnumbered = pages.flatMap((p, i) => (p.trimEnd().endsWith(`${i + 1} / ${pages.length}`) ? [] : [i + 1]))
    expect(unnumbered).toEqual([])
  })

  it('has bookmarks naming every chapter, in order', () => {
    const raw = fs.readFileSync(file).toString('latin1')
    expect(raw).toContain('/Type /Outlines')
    // Outline titles: UTF-16BE hex strings (/Title <FEFF…>), or literal strings when ASCII (/Title (…)).
    const titles = [...raw.matchAll(/\/Title\s*(?:<FEFF([0-9A-Fa-f]*)>|\(((?:\\.|[^\\)])*)\))/g)].map((m) =>
      m[1] !== undefined ? Buffer.from(m[1], 'hex').swap16().toString('utf16le') : m[2]!.replace(/\\(.)/g, '$1'),
    )
    let at = -1
    for (const c of chapters) {
      const i = titles.indexOf(c.text, at + 1)
      expect(i, `bookmark “${c.text}” after bookmark ${at}`).toBeGreaterThan(at)
      at = i
    }
  })

  it('embeds every font it uses, with a Unicode map (the text can be copied)', () => {
    const rows = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim())
    expect(rows.length).toBeGreaterThan(0)
    // Columns from the right: … emb sub uni objectID gen
    const cols = rows.map((r) => r.trim().split(/\s+/).slice(-5))
    expect(rows.filter((_, i) => cols[i]![0] !== 'yes'), 'fonts not embedded').toEqual([])
    expect(rows.filter((_, i) => cols[i]![2] !== 'yes'), 'fonts without a ToUnicode map').toEqual([])
    expect(pages.join('')).toContain('共享字典')
  })

  it('carries none of the site chrome', () => {
    const lines = new Set(pages.flatMap((p) => p.split('\n').map((l) => l.trim())))
    expect(CHROME_LINES.filter((l) => lines.has(l))).toEqual([])
  })
})

describe.skipIf(skip)('a chapter printed from the browser', () => {
  it.each([['light'], ['dark']] as const)('luajit/ffi in %s mode prints its content without the site chrome', async (theme) => {
    await site.withPage(async (page) => {
      await page.goto(site.url('luajit/ffi'), { waitUntil: 'networkidle' })
      await page.locator('.vp-doc h1').waitFor()
      const file = path.join(OUT, `luajit-ffi-${theme}.pdf`)
      fs.mkdirSync(OUT, { recursive: true })
      fs.writeFileSync(file, await page.pdf({ format: 'A4' }))
      const pages = pagesOf(file)
      const text = squash(pages.join(''))
      expect(squash(pages[0]!).startsWith(squash('FFI 与内存归属'))).toBe(true)
      expect(text).toContain(squash('参考资料'))
      const lines = new Set(pages.flatMap((p) => p.split('\n').map((l) => l.trim())))
      expect(CHROME_LINES.filter((l) => lines.has(l))).toEqual([])
      // The sidebar lists other chapters: none of their titles prints.
      expect(text).not.toContain(squash('调试与运行模式'))
    }, { colorScheme: theme })
  })
})
