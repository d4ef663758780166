// End-to-end checks in real Chromium (Debian's, driven by playwright-core)
// against the built site served on 127.0.0.1 under /openresty-notes/,
// exactly as GitHub Pages serves a project site.
import fs from 'node:fs'
import path from 'node:path'
import type { ConsoleMessage, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { browserUnavailable } from '../support/browser'
import { useBuiltSite, waitForLayout, waitForOutline, waitForPage } from '../support/built-site'
import type { PageOptions } from '../support/page-pool'
import { ROOT, TEST_BASE } from '../support/paths'
import { chapterPages, sitePages, titleOf, type SitePage } from '../support/site-pages'

/** Outside CI, no Chromium: skip with one loud line (see support/browser.ts). */
const noBrowser = browserUnavailable()

const SHOTS = path.join(ROOT, 'test/.output/screenshots')
const FULL_SCREENSHOTS = process.env.SITE_TEST_FULL_SCREENSHOTS === '1'

const site = useBuiltSite()
const url = site.url

beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }))

/** Runs `fn` on a page of a 1280 px wide window (or `options`), reused between tests (support/page-pool.ts). */
function withPage<T>(fn: (page: Page) => Promise<T>, options: PageOptions = {}): Promise<T> {
  return site.withPage(fn, { viewport: { width: 1280, height: 900 }, ...options })
}

/** Records console errors, hydration warnings and failed requests while `fn` runs. */
async function watchProblems(page: Page, fn: () => Promise<void>): Promise<string[]> {
  const problems: string[] = []
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error' || /hydration/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`)
  }
  page.on('console', onConsole)
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`))
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`)
  })
  await fn()
  return problems
}

// Pages load two at a time (the site project's maxConcurrency), one per core.
describe.skipIf(noBrowser).concurrent('every page in the browser', () => {
  // Concurrent tests must use the `expect` of their own context.
  it.for<[string, SitePage]>(sitePages.map((p) => [p.path || '(home)', p]))('%s loads cleanly and fits a 375 px screen', async ([, sitePage], { expect }) => {
    await withPage(async (page) => {
      const problems = await watchProblems(page, async () => {
        await page.goto(url(sitePage.path), { waitUntil: 'networkidle' })
        await waitForPage(page, sitePage.path ? sitePage.title : undefined)
      })
      expect(problems, problems.join('\n')).toEqual([])
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
      await page.setViewportSize({ width: 375, height: 800 })
      await waitForLayout(page, 375)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `${sitePage.path}: page scrolls horizontally at 375 px by ${overflow}px`).toBeLessThanOrEqual(0)
    })
  })
})

describe.skipIf(noBrowser)('navigation', () => {
  it('follows the sidebar, next-page link and an outline anchor client-side', async () => {
    await withPage(async (page) => {
      await page.goto(url('luajit/'), { waitUntil: 'networkidle' })
      await waitForPage(page, titleOf('luajit/'))
      await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1))

      await page.locator('.VPSidebar a[href$="/luajit/ffi"]').first().click()
      // The router changes the URL first and renders the new page after it, and
      // the outline only after that: wait for the new H1 and the new outline.
      await waitForPage(page, titleOf('luajit/ffi'))
      await waitForOutline(page)
      expect(new URL(page.url()).pathname).toMatch(/\/luajit\/ffi$/)

      const next = page.locator('.pager-link.next')
      const nextHref = (await next.getAttribute('href'))!
      expect(nextHref).toMatch(new RegExp(`^${TEST_BASE}`))
      await next.click()
      await waitForPage(page, titleOf(nextHref.slice(TEST_BASE.length)))
      await waitForOutline(page)
      expect(new URL(page.url()).pathname).toBe(nextHref)

      const outlineLink = page.locator('.VPDocAsideOutline a.outline-link').nth(1)
      const hash = (await outlineLink.getAttribute('href'))!
      const target = page.locator(`.vp-doc [id="${decodeURIComponent(hash.slice(1))}"]`)
      expect(await target.count(), `${hash} is a heading of ${nextHref}`).toBe(1)
      await outlineLink.click()
      await page.waitForURL((u) => u.hash === hash)
      await expect.poll(() => target.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true)

      // Still the same document: every step was client-side navigation.
      expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1)
    })
  })

  it('draws tables, charts, ratios and diagrams after client-side navigation as the server did', async () => {
    // On page load these components keep the server's HTML and load no code;
    // after client-side navigation they are drawn in the browser instead.
    const parts = (page: Page) =>
      page.evaluate(() =>
        ['figure.compare-table', 'figure.bench-chart', '.bench-ratio', 'figure.diagram'].map((sel) =>
          [...document.querySelectorAll(`.vp-doc ${sel}`)].map((el) => `${sel}: ${(el as HTMLElement).innerText.trim()} ${el.querySelectorAll('tr, rect, img').length}`),
        ),
      )
    // Each target is reached through the sidebar from a sibling page.
    for (const [from, target] of [['luajit/nil-values', 'luajit/ffi'], ['performance/mlcache', 'performance/caching']] as const) {
      const served = await withPage(async (page) => {
        await page.goto(url(target), { waitUntil: 'networkidle' })
        return parts(page)
      })
      expect(served.flat().length, `${target} has components to compare`).toBeGreaterThan(1)
      const drawn = await withPage(async (page) => {
        const problems = await watchProblems(page, async () => {
          await page.goto(url(from), { waitUntil: 'networkidle' })
          await page.locator(`.VPSidebar a[href$="/${target}"]`).first().click()
          await waitForPage(page, titleOf(target))
          await expect.poll(() => parts(page), { timeout: 15_000 }).toEqual(served)
        })
        expect(problems, problems.join('\n')).toEqual([])
        return parts(page)
      })
      expect(drawn).toEqual(served)
    }
  })

  it('shows the 404 page in Chinese', async () => {
    await withPage(async (page) => {
      const response = await page.goto(url('no-such-page'), { waitUntil: 'networkidle' })
      expect(response?.status()).toBe(404)
      await expect.poll(() => page.locator('.NotFound').innerText()).toContain('页面不存在')
      expect(await page.locator('.NotFound a').innerText()).toContain('返回首页')
    })
  })
})

describe.skipIf(noBrowser)('code blocks off screen', () => {
  // Off-screen code blocks are skipped by the renderer (content-visibility:
  // auto) with a height reserved from their line count; if the reservation
  // were wrong, the page would jump as the reader scrolls.
  it.each([375, 1280])('are skipped at %i px wide, with their real height reserved', async (width) => {
    await withPage(
      async (page) => {
        await page.goto(url('luajit/nil-values'), { waitUntil: 'networkidle' })
        const r = await page.evaluate(() => {
          const blocks = [...document.querySelectorAll<HTMLElement>('.vp-doc div[class*="language-"]')]
          const skipped = blocks.filter((b) => !b.querySelector('pre')!.checkVisibility({ contentVisibilityAuto: true })).length
          const reserved = blocks.map((b) => b.getBoundingClientRect().height)
          for (const b of blocks) b.style.contentVisibility = 'visible'
          const real = blocks.map((b) => b.getBoundingClientRect().height)
          return { count: blocks.length, skipped, worst: Math.max(...real.map((h, i) => Math.abs(h - reserved[i]!))) }
        })
        expect(r.count).toBeGreaterThan(10)
        expect(r.skipped, 'most code blocks start below the first screen').toBeGreaterThan(r.count / 2)
        expect(r.worst, 'reserved vs real height of a code block, px').toBeLessThan(1)
      },
      { viewport: { width, height: 800 } },
    )
  })
})

describe.skipIf(noBrowser)('dark mode', () => {
  it.each(['luajit/', 'luajit/nil-values', 'performance/mlcache', 'performance/flame-graph'])('%s stays legible after toggling', async (p) => {
    await withPage(async (page) => {
      await page.goto(url(p), { waitUntil: 'networkidle' })
      await waitForPage(page)
      // First-screen screenshots for a human to look at; SITE_TEST_FULL_SCREENSHOTS=1
      // takes whole pages instead (several seconds each on a long chapter).
      await page.screenshot({ path: path.join(SHOTS, `${p.replace(/\W+/g, '_')}light.png`), fullPage: FULL_SCREENSHOTS })
      await page.locator('.VPNavBarAppearance button, .VPSwitchAppearance').first().click()
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
      await page.screenshot({ path: path.join(SHOTS, `${p.replace(/\W+/g, '_')}dark.png`), fullPage: FULL_SCREENSHOTS })
      // Table text must contrast with its background in the dark theme.
      const table = page.locator('.vp-doc table').first()
      if (await table.count()) {
        const [fg, bg] = await table.locator('td').first().evaluate((td) => {
          const s = getComputedStyle(td)
          let el: Element | null = td
          let bgc = 'rgba(0, 0, 0, 0)'
          while (el && /rgba\(0, 0, 0, 0\)|transparent/.test(bgc)) {
            bgc = getComputedStyle(el).backgroundColor
            el = el.parentElement
          }
          return [s.color, bgc]
        })
        expect(contrast(fg, bg), `${p}: table text ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5)
      }
    })
  })
})

describe.skipIf(noBrowser).concurrent('without JavaScript', () => {
  it.for<[string, SitePage]>(chapterPages.map((p) => [p.path, p]))('%s still has its text, tables and diagrams', async ([, sitePage], { expect }) => {
    const source = fs.readFileSync(path.join(ROOT, 'docs', sitePage.source), 'utf8')
    await withPage(
      async (page) => {
        await page.goto(url(sitePage.path), { waitUntil: 'load' })
        const h1 = await page.locator('.vp-doc h1').first().innerText()
        expect(h1.trim().length).toBeGreaterThan(0)
        const text = await page.locator('.vp-doc').innerText()
        expect(text.length, `${sitePage.path}: too little text without JavaScript`).toBeGreaterThan(200)
        const tables = (source.match(/<CompareTable /g) ?? []).length
        expect(await page.locator('.vp-doc table').count()).toBeGreaterThanOrEqual(tables)
        const diagrams = (source.match(/<Diagram /g) ?? []).length
        if (diagrams) {
          const visible = await page.locator('.vp-doc figure img, .vp-doc figure svg').evaluateAll((els) =>
            els.filter((e) => e.getBoundingClientRect().width > 0).length,
          )
          expect(visible, `${sitePage.path}: diagrams not visible without JavaScript`).toBeGreaterThanOrEqual(diagrams)
        }
      },
      { javaScriptEnabled: false },
    )
  })
})

/** WCAG contrast ratio of two CSS rgb()/rgba() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const x = Number(v) / 255
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe.skipIf(noBrowser)('flame graph', () => {
  it('shows a frame on hover, zooms on click and on Enter, and resets', async () => {
    await withPage(async (page) => {
      await page.goto(url('performance/flame-graph'), { waitUntil: 'networkidle' })
      const graph = page.locator('.flame-graph').first()
      // An async component: wait until it has hydrated.
      await graph.scrollIntoViewIfNeeded()
      await graph.and(page.locator('[data-ready]')).waitFor()
      const detail = graph.locator('.detail')
      const idle = await detail.innerText()

      // A frame narrower than the chart, so zooming visibly widens it.
      const frames = graph.locator('g.frame')
      expect(await frames.count()).toBeGreaterThan(5)
      const index = await frames.evaluateAll((gs) => {
        const full = gs[0]!.querySelector('rect')!.getBoundingClientRect().width
        return gs.findIndex((g) => {
          const w = g.querySelector('rect')!.getBoundingClientRect().width
          return w > full * 0.1 && w < full * 0.6
        })
      })
      expect(index).toBeGreaterThan(0)
      const target = frames.nth(index)
      const name = (await target.getAttribute('aria-label'))!
      await target.hover()
      await expect.poll(() => detail.innerText()).toBe(name)
      expect(name).not.toBe(idle)
      expect(name).toMatch(/%/)

      const widthOf = (g: typeof target) => g.locator('rect').evaluate((r) => r.getBoundingClientRect().width)
      const chartWidth = await graph.locator('svg.chart').evaluate((s) => s.getBoundingClientRect().width)
      const before = await widthOf(target)
      await target.click()
      const zoomed = graph.locator('g.frame.zoomed')
      await expect.poll(() => zoomed.count()).toBe(1)
      await expect.poll(() => widthOf(zoomed)).toBeGreaterThan(Math.max(before, chartWidth * 0.9))
      expect(await graph.locator('button.reset').isEnabled()).toBe(true)

      await graph.locator('button.reset').click()
      await expect.poll(() => graph.locator('g.frame.zoomed').count()).toBe(0)

      // Keyboard: the graph is one Tab stop; Enter zooms the focused frame, Escape resets.
      await graph.locator('g.frame[tabindex="0"]').focus()
      await page.keyboard.press('ArrowUp')
      await page.keyboard.press('Enter')
      await expect.poll(() => graph.locator('g.frame.zoomed').count()).toBe(1)
      await page.keyboard.press('Escape')
      await expect.poll(() => graph.locator('g.frame.zoomed').count()).toBe(0)
    })
  })
})

describe.skipIf(noBrowser)('the shared Chromium', () => {
  // Each browser context of Chromium 156 opens hidden omnibox popup pages,
  // which cost more CPU than the site's own pages (`npm run test:page-cost`);
  // the flag in scripts/diagrams/chromium.ts turns them off.
  it('opens no browser UI pages beside the site’s own', async () => {
    const ctx = await site.browser.newContext()
    try {
      await (await ctx.newPage()).goto('about:blank')
      const cdp = await site.browser.newBrowserCDPSession()
      const { targetInfos } = await cdp.send('Target.getTargets')
      await cdp.detach()
      expect(targetInfos.filter((t) => t.type === 'browser_ui').map((t) => t.url)).toEqual([])
      expect(targetInfos.filter((t) => t.type === 'page').length).toBeGreaterThan(0)
    } finally {
      await ctx.close()
    }
  })
})
