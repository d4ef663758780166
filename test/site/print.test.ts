// Printing, on the real build: three chapters under print media at A4 width,
// in light and dark mode, show the content only (styles/print.css); the
// one-page book (/print) has every chapter in sidebar order and no dead
// anchor; the home page links to it. Screenshots of the print view go to
// test/.output/print/ for a human to look at.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it, type ExpectStatic } from 'vitest'
import { chapterId } from '../../docs/.vitepress/book/assemble'
import { BOOK_LINK, PDF_NAME, bookChapters, formatBytes } from '../../docs/.vitepress/plugins/book'
import { findIndexAsset, indexJsonFromChunk } from '../../scripts/search/built-index'
import { axe, seriousViolations, WCAG_TAGS } from '../support/axe'
import { browserUnavailable } from '../support/browser'
import { useBuiltSite, waitForPage } from '../support/built-site'
import { ROOT, TEST_BASE, TEST_DIST } from '../support/paths'

/** Outside CI, no Chromium: skip with one loud line (see support/browser.ts). */
const noBrowser = browserUnavailable()

const site = useBuiltSite()
const SHOTS = path.join(ROOT, 'test/.output/print')

/** Diagrams with folded text (ffi), the flame graph (flame-graph), comparison tables and a benchmark chart (caching). */
const PAGES = ['luajit/ffi', 'performance/flame-graph', 'performance/caching']

/** A4 at 96 dpi, as Chromium lays a page out for paper; and a desktop screen, where sidebar and outline show. */
const VIEWPORTS = { a4: { width: 794, height: 1123 }, desktop: { width: 1440, height: 900 } } as const

/** The site's chrome, none of which belongs on paper. */
const CHROME: Record<string, string> = {
  'nav bar': '.VPNav',
  'search button': '.VPNavBarSearch',
  '“菜单 / 回到顶部” bar': '.VPLocalNav',
  sidebar: '.VPSidebar',
  outline: '.VPDoc .aside',
  'edit link': '.VPDocFooter .edit-link',
  pager: '.VPDocFooter .prev-next',
  'heading # links': '.vp-doc .header-anchor',
  'code copy buttons': '.vp-doc button.copy',
  'flame graph toolbar': '.flame-graph .toolbar',
}

/** Selectors (of CHROME) whose elements are drawn on screen at this width. */
const ON_SCREEN = {
  a4: ['.VPNav', '.VPLocalNav', '.VPDocFooter .edit-link', '.VPDocFooter .prev-next'],
  desktop: ['.VPNav', '.VPNavBarSearch', '.VPSidebar', '.VPDoc .aside', '.VPDocFooter .edit-link', '.VPDocFooter .prev-next'],
}

/** Opens page `p` in a reused page (support/page-pool.ts) and runs `fn` on it once Vue has taken it over. */
function onPage<T>(p: string, dark: boolean, viewport: { width: number; height: number }, fn: (page: Page) => Promise<T>): Promise<T> {
  return site.withPage(
    async (page) => {
      await page.goto(site.url(p), { waitUntil: 'networkidle' })
      // Read the page once Vue has taken it over, not the server HTML before that.
      await waitForPage(page)
      await page.locator('.vp-doc h1').waitFor()
      if ((await page.evaluate(() => document.documentElement.classList.contains('dark'))) !== dark) {
        throw new Error(`VitePress does not follow the colour scheme: <html> is not ${dark ? 'dark' : 'light'}`)
      }
      return fn(page)
    },
    { viewport, colorScheme: dark ? 'dark' : 'light' },
  )
}

/** For each selector, the matching elements that are drawn (box, not hidden). */
function drawn(page: Page, selectors: string[]): Promise<Record<string, number>> {
  return page.evaluate((sels) => {
    const out: Record<string, number> = {}
    for (const s of sels) {
      out[s] = [...document.querySelectorAll<HTMLElement>(s)].filter((el) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
      }).length
    }
    return out
  }, selectors)
}

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

// Each test has a page of its own (lent by site.withPage): two run at a time (the site project's maxConcurrency).
describe.skipIf(noBrowser).concurrent('print view of a chapter', () => {
  /** Prints without the chrome drawn on screen at this width; the check can fail since the chrome is there first. */
  async function expectNoChrome(expect: ExpectStatic, page: Page, vp: keyof typeof VIEWPORTS): Promise<void> {
    const before = await drawn(page, ON_SCREEN[vp])
    expect(Object.entries(before).filter(([, n]) => n === 0).map(([s]) => s), 'chrome drawn on screen').toEqual([])
    await page.emulateMedia({ media: 'print' })
    const after = await drawn(page, Object.values(CHROME))
    const shown = Object.entries(CHROME).filter(([, s]) => after[s]! > 0).map(([name, s]) => `${name} (${s})`)
    expect(shown, 'chrome drawn in print').toEqual([])
    expect(await drawn(page, ['.vp-doc h1']), 'the chapter itself prints').toEqual({ '.vp-doc h1': 1 })
  }

  // Concurrent tests must use the `expect` of their own context.
  it.for(PAGES)('%s on a desktop screen prints without the sidebar, outline or nav bar', async (p, { expect }) => {
    await onPage(p, false, VIEWPORTS.desktop, async (page) => {
      await expectNoChrome(expect, page, 'desktop')
    })
  })

  it.for(PAGES.flatMap((p) => [[p, 'light'] as const, [p, 'dark'] as const]))('%s (%s mode) prints at A4 the content only, dark on white, wrapped and whole', async ([p, theme], { expect }) => {
    await onPage(p, theme === 'dark', VIEWPORTS.a4, async (page) => {
      // Folded on screen: the print check below is not vacuous.
      const foldedOnScreen = await page.evaluate(() =>
        [...document.querySelectorAll('.vp-doc details')].filter((d) => !(d as HTMLDetailsElement).open && !d.querySelector(':scope > :not(summary)')!.checkVisibility()).length,
      )
      await expectNoChrome(expect, page, 'a4')
      fs.mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ path: path.join(SHOTS, `${p.replace(/\W+/g, '_')}-${theme}.png`), fullPage: true })
      const r = await page.evaluate(() => {
        const doc = document.querySelector<HTMLElement>('.vp-doc')!
        const right = doc.getBoundingClientRect().right
        const css = (el: Element, pseudo?: string) => getComputedStyle(el, pseudo)
        const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true })
        const textColours = [...doc.querySelectorAll('p, li, td, th, h1, h2, h3, pre code span')].filter(visible).map((el) => css(el).color)
        return {
          background: css(document.body).backgroundColor,
          docBackground: css(doc).backgroundColor,
          textColours: [...new Set(textColours)],
          codeBlocks: [...doc.querySelectorAll('div[class*="language-"] pre')].map((pre) => ({
            whiteSpace: css(pre).whiteSpace,
            clipped: pre.scrollWidth > pre.clientWidth + 1,
            background: css(pre.parentElement!).backgroundColor,
          })),
          // Anything that scrolls or clips sideways, or sticks out of the column.
          clipped: [...doc.querySelectorAll<HTMLElement>('*')]
            .filter((el) => visible(el) && !el.closest('.visually-hidden') && el.getClientRects().length > 0)
            .filter((el) => (css(el).overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) || el.getBoundingClientRect().right > right + 1)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
          tables: doc.querySelectorAll('table').length,
          diagrams: [...doc.querySelectorAll('.diagram')].map((d) => ({
            light: visible(d.querySelector('.scroller .img-light')!),
            dark: visible(d.querySelector('.scroller .img-dark')!),
          })),
          flame: [...doc.querySelectorAll('.flame-graph svg.chart')].map((svg) => visible(svg) && svg.getBoundingClientRect().height > 0),
          folded: [...doc.querySelectorAll('details')].filter((d) => [...d.querySelectorAll(':scope > :not(summary)')].some((c) => !visible(c))).length,
          details: doc.querySelectorAll('details').length,
          urls: [...doc.querySelectorAll('a[href^="http"]:not(.bare-url)')].map((a) => ({ href: a.getAttribute('href')!, after: css(a, '::after').content })),
          headings: [...doc.querySelectorAll('h2, h3, h4')].map((h) => css(h).breakAfter),
        }
      })
      // Each page brings the kind of content it was chosen for.
      const kinds = { 'luajit/ffi': r.diagrams.length > 0 && foldedOnScreen > 0, 'performance/flame-graph': r.flame.length === 1, 'performance/caching': r.tables > 0 }
      expect(kinds[p as keyof typeof kinds], `${p} still has the content it is checked for`).toBe(true)
      expect(luminance(r.background)).toBeGreaterThan(0.95)
      expect(r.docBackground === 'rgba(0, 0, 0, 0)' || luminance(r.docBackground) > 0.95, r.docBackground).toBe(true)
      expect(r.textColours.filter((c) => luminance(c) > 0.4), 'light text in print').toEqual([])
      expect(r.codeBlocks.length).toBeGreaterThan(0)
      for (const c of r.codeBlocks) {
        expect(c.whiteSpace).toBe('pre-wrap')
        expect(c.clipped).toBe(false)
        expect(luminance(c.background)).toBeGreaterThan(0.8)
      }
      expect(r.clipped, 'clipped or overflowing in print').toEqual([])
      for (const d of r.diagrams) expect(d).toEqual({ light: true, dark: false })
      expect(r.flame.every(Boolean)).toBe(true)
      expect(r.folded, `${r.folded} of ${r.details} <details> still folded (${foldedOnScreen} were on screen)`).toBe(0)
      expect(r.urls.length).toBeGreaterThan(0)
      for (const u of r.urls) expect(u.after, u.href).toBe(`" <${u.href}>"`)
      expect(r.headings.length).toBeGreaterThan(3)
      expect(new Set(r.headings)).toEqual(new Set(['avoid']))
    })
  })

  it('opens folded details before printing and folds them again after (browsers without ::details-content)', async ({ expect }) => {
    await onPage('luajit/ffi', false, VIEWPORTS.a4, async (page) => {
      const openCount = () => page.evaluate(() => [...document.querySelectorAll('details')].filter((d) => d.open).length)
      const total = await page.locator('details').count()
      expect(total).toBeGreaterThan(0)
      expect(await openCount()).toBe(0)
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
      expect(await openCount()).toBe(total)
      expect(await page.locator('img[loading="lazy"]').count()).toBe(0)
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
      expect(await openCount()).toBe(0)
    })
  })
})

describe.skipIf(noBrowser)('the one-page book', () => {
  const chapters = bookChapters()
  const bookPath = BOOK_LINK.slice(1)

  it('has every chapter of the sidebar, in order, after a table of contents', async () => {
    await onPage(bookPath, false, VIEWPORTS.desktop, async (page) => {
      const r = await page.evaluate(() => {
        const doc = document.querySelector('.vp-doc')!
        return {
          h1: doc.querySelectorAll('h1').length,
          h2: [...doc.querySelectorAll('h2')].map((h) => ({ id: h.id, text: h.textContent!.replace(/\u200b/g, '').trim() })),
          toc: [...doc.querySelectorAll('#book-contents + ul a')].map((a) => a.getAttribute('href')),
        }
      })
      expect(r.h1).toBe(1)
      expect(r.h2[0]!.id).toBe('book-contents')
      expect(r.h2.slice(1)).toEqual(chapters.map((c) => ({ id: chapterId(c.link), text: c.text })))
      expect(r.toc).toEqual(chapters.map((c) => `#${chapterId(c.link)}`))
    })
  })

  it('has no dead internal anchor, no duplicate id and no link left to a chapter page', async () => {
    await onPage(bookPath, false, VIEWPORTS.desktop, async (page) => {
      const r = await page.evaluate(() => {
        const doc = document.querySelector('.vp-doc')!
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id)
        const seen = new Set<string>()
        const hashes = [...doc.querySelectorAll('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1)))
        return {
          duplicates: ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false))),
          hashes: hashes.length,
          dead: hashes.filter((h) => !document.getElementById(h)),
          sitePaths: [...doc.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')].map((a) => a.getAttribute('href')!),
        }
      })
      expect(r.duplicates).toEqual([])
      expect(r.hashes).toBeGreaterThan(chapters.length * 5)
      expect(r.dead).toEqual([])
      const chapterPaths = new Set(chapters.map((c) => `${TEST_BASE}${c.link.slice(1)}`))
      expect(r.sitePaths.filter((h) => chapterPaths.has(h.split('#')[0]!))).toEqual([])
      // A cross-link really jumps: /luajit/ffi#gc64, written in another chapter.
      expect(await page.locator('.vp-doc a[href="#luajit-ffi--gc64"]').count()).toBeGreaterThan(0)
    })
  })

  it('starts each part and chapter on a new page in print, after a cover', async () => {
    await onPage(bookPath, true, VIEWPORTS.a4, async (page) => {
      await page.emulateMedia({ media: 'print' })
      const r = await page.evaluate(() => {
        const doc = document.querySelector('.vp-doc')!
        return {
          cover: getComputedStyle(doc.querySelector('.book-cover-info')!).breakAfter,
          parts: [...doc.querySelectorAll('.book-part')].map((p) => getComputedStyle(p).breakBefore),
          chapters: [...doc.querySelectorAll('h2')].map((h) => getComputedStyle(h).breakBefore),
          background: getComputedStyle(document.body).backgroundColor,
        }
      })
      expect(r.cover).toBe('page')
      expect(new Set(r.parts)).toEqual(new Set(['page']))
      // A chapter right after its part's title stays on that page; the others start a new one.
      expect(r.chapters.filter((b) => b === 'page').length + r.parts.length).toBe(r.chapters.length)
      expect(r.background).toBe('rgb(255, 255, 255)')
    })
  })

  // Every chapter's own page is checked by a11y.test.ts in both modes; axe on
  // the whole book takes minutes. Here: what only the book has (cover, table
  // of contents, part titles) with all rules, and the whole page with the
  // rules about its structure and ids.
  it('has no serious or critical axe-core violation', async () => {
    await onPage(bookPath, false, VIEWPORTS.desktop, async (page) => {
      const own = await axe(page).include('.book-cover-info').include('#book-contents').include('#book-contents + ul').include('.book-part').withTags(WCAG_TAGS).analyze()
      expect(own.passes.length).toBeGreaterThan(0)
      expect(seriousViolations(own)).toEqual([])
      const structure = await axe(page)
        .withRules(['duplicate-id-aria', 'page-has-heading-one', 'heading-order', 'document-title', 'html-has-lang', 'landmark-one-main', 'link-name', 'list', 'listitem', 'aria-valid-attr-value'])
        .analyze()
      expect(seriousViolations(structure)).toEqual([])
    })
  }, 300_000)
})

describe('the one-page book in the build', () => {
  it('is left out of the search index (every chapter is in it on its own page)', () => {
    const docs = JSON.parse(indexJsonFromChunk(fs.readFileSync(findIndexAsset(TEST_DIST), 'utf8'))) as { documentIds: Record<string, string> }
    const ids = Object.values(docs.documentIds)
    expect(ids.some((id) => id.startsWith(`${TEST_BASE}luajit/ffi`))).toBe(true)
    expect(ids.filter((id) => id.startsWith(`${TEST_BASE}${BOOK_LINK.slice(1)}`))).toEqual([])
  })

  it('is linked from the home page, and the PDF only when the build has one', () => {
    const home = fs.readFileSync(path.join(TEST_DIST, 'index.html'), 'utf8')
    expect(home).toContain(`href="${TEST_BASE}${BOOK_LINK.slice(1)}"`)
    const pdf = path.join(TEST_DIST, PDF_NAME)
    if (fs.existsSync(pdf)) {
      expect(home).toContain(`href="${TEST_BASE}${PDF_NAME}"`)
      expect(home).toContain(formatBytes(fs.statSync(pdf).size))
    } else {
      expect(home).not.toContain(PDF_NAME)
    }
  })
})
