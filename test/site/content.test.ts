// Content checks over the real build (test/.output/site, base /openresty-notes/).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extraPages, parts, sourceOf } from '../../docs/.vitepress/sidebar'
import { BOOK_LINK } from '../../docs/.vitepress/plugins/book'
import { checkLinks, formatProblems } from '../../scripts/links/check-links'
import { DOCS, ROOT, TEST_BASE, TEST_DIST } from '../support/paths'
import { htmlFor, listMarkdown, readPage } from '../support/pages'

const chapters = [...parts.flatMap((p) => p.chapters), ...extraPages]
const pages = listMarkdown().filter((f) => f !== 'README.md')
const built = (file: string) => fs.readFileSync(path.join(TEST_DIST, file), 'utf8')

/** English strings the default theme shows when a label is not translated. */
const ENGLISH_UI = [
  'On this page', 'Previous page', 'Next page', 'Last updated', 'Edit this page', 'Return to top',
  'Skip to content', 'Appearance', 'Switch to dark theme', 'Switch to light theme', 'Menu',
  'PAGE NOT FOUND', 'Take me home', 'go to home', 'Copy Code', 'Main Navigation', 'Sidebar Navigation',
  'mobile navigation', 'toggle section', 'extra navigation', 'Permalink to', 'Search', 'Change language',
  'Display detailed list', 'Reset search', 'Close search', 'No results for', 'Pager',
]

/** Visible text and the attributes a screen reader announces, without scripts and code. */
function uiText(html: string): string {
  const noCode = html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<pre[\s\S]*?<\/pre>/g, '')
    .replace(/<code[\s\S]*?<\/code>/g, '')
  const attrs = [...noCode.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1])
  const text = noCode.replace(/<[^>]+>/g, ' ')
  return `${text}\n${attrs.join('\n')}`
}

describe('chapter list', () => {
  it.each(chapters.map((c) => [c.link, c]))('%s has a source and a built page', (_link, chapter) => {
    const src = sourceOf(chapter.link)
    expect(fs.existsSync(path.join(DOCS, src)), `docs/${src} is missing`).toBe(true)
    expect(fs.existsSync(path.join(TEST_DIST, htmlFor(src))), `${htmlFor(src)} was not built`).toBe(true)
  })

  it('every page in docs/ is reachable from the sidebar or the nav', () => {
    // The one-page book is not a chapter: the home page links to it (plugins/book.ts).
    const listed = new Set(['index.md', sourceOf(BOOK_LINK), ...chapters.map((c) => sourceOf(c.link))])
    expect(pages.filter((p) => !listed.has(p))).toEqual([])
  })
})

describe.each(pages)('docs/%s', (file) => {
  const page = readPage(file)
  const isHome = page.frontmatter.layout === 'home'

  it('has a title and a description', () => {
    expect(page.frontmatter.title, `docs/${file}: frontmatter "title" is missing`).toBeTruthy()
    expect(page.frontmatter.description, `docs/${file}: frontmatter "description" is missing`).toBeTruthy()
    expect(page.frontmatter.description).not.toMatch(/待写|TODO|TBD/)
  })

  it.skipIf(isHome)('has exactly one H1, equal to the title', () => {
    const h1 = page.prose.flatMap((l, i) => (/^# /.test(l) ? [{ line: page.bodyStart + i, text: l }] : []))
    expect(h1.map((h) => `docs/${file}:${h.line}`), `docs/${file}: expected one H1`).toHaveLength(1)
    expect(h1[0]!.text.replace(/^# /, '').replace(/\s*\{#[^}]*\}\s*$/, '')).toBe(page.frontmatter.title)
  })

  it('gives every H2–H4 a stable English anchor', () => {
    const bad = page.prose.flatMap((l, i) =>
      /^#{2,4} /.test(l) && !/\{#[a-z0-9][a-z0-9-]*\}\s*$/.test(l) ? [`docs/${file}:${page.bodyStart + i}: ${l}`] : [],
    )
    expect(bad).toEqual([])
  })

  it('is built with its title, description, Open Graph tags and zh-CN', () => {
    const html = built(htmlFor(file))
    expect(html).toContain('<html lang="zh-CN"')
    expect(html).toMatch(new RegExp(`<title>${escapeRe(escapeHtml(page.frontmatter.title!))}`))
    expect(html).toContain(`<meta name="description" content="${escapeHtml(page.frontmatter.description!)}">`)
    expect(html).toContain(`<meta property="og:title" content="${escapeHtml(page.frontmatter.title!)}">`)
    expect(html).toContain('<meta property="og:description"')
  })

  it('shows no English default-theme string', () => {
    const text = uiText(built(htmlFor(file)))
    expect(ENGLISH_UI.filter((s) => new RegExp(`(^|[^A-Za-z])${escapeRe(s)}([^A-Za-z]|$)`).test(text))).toEqual([])
  })
})

describe('the built site', () => {
  it('has no dead internal link, anchor or asset under the base path', () => {
    const problems = checkLinks({ dist: TEST_DIST, base: TEST_BASE, docs: DOCS })
    expect(problems, formatProblems(problems)).toEqual([])
  })

  it('prints the last-updated date in the HTML, not only after hydration', () => {
    const html = built('luajit/index.html')
    // VitePress takes the date from git; a tree without history has none to show.
    const hasHistory = spawnSync('git', ['log', '-1', '--format=%ct', '--', 'docs/luajit/index.md'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== ''
    const time = /<time datetime="([^"]+)"[^>]*>([^<]*)<\/time>/.exec(html)
    if (!hasHistory) {
      expect(html).not.toContain('VPLastUpdated')
      return
    }
    expect(time, 'a <time> in the doc footer').not.toBeNull()
    expect(time![2]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    expect(Date.parse(time![1]!)).not.toBeNaN()
  })

  it('serves every asset from under the base path', () => {
    const html = built('luajit/index.html')
    const refs = [...html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!)
    expect(refs.length).toBeGreaterThan(5)
    expect(refs.filter((r) => !r.startsWith(TEST_BASE))).toEqual([])
  })

  it('has a Chinese 404 page, also without JavaScript', () => {
    const html = built('404.html')
    expect(html).toContain('<noscript>')
    const text = uiText(html.replace(/<\/?noscript>/g, ''))
    expect(text).toContain('页面不存在')
    expect(text).toContain('返回首页')
  })

  it('has a sitemap whose URLs include the base path', () => {
    const xml = built('sitemap.xml')
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    expect(urls.length).toBe(pages.length)
    for (const u of urls) expect(u).toMatch(new RegExp(`^https://[^/]+${escapeRe(TEST_BASE)}`))
  })
})

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
