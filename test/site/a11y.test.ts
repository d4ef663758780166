// Accessibility: axe-core on every page in light and dark mode (no serious
// or critical violation), and the keyboard paths a reader relies on.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axe, seriousViolations, WCAG_TAGS } from '../support/axe'
import { browserUnavailable } from '../support/browser'
import { useBuiltSite, waitForPage, waitForTransitions } from '../support/built-site'
import { TEST_BASE } from '../support/paths'
import { sitePages, titleOf } from '../support/site-pages'

/** Outside CI, no Chromium: skip with one loud line (see support/browser.ts). */
const noBrowser = browserUnavailable()

/** Two audits of a long chapter side by side on a busy 2-core machine take minutes. */
const AXE_TIMEOUT = 300_000

const site = useBuiltSite()
const url = site.url

/** Opens page `p` in a reused page (support/page-pool.ts) in the given colour mode and runs `fn` on it. */
function onPage<T>(p: string, dark: boolean, fn: (page: Page) => Promise<T>): Promise<T> {
  return site.withPage(
    async (page) => {
      await page.goto(url(p), { waitUntil: 'load' })
      await waitForPage(page, p ? titleOf(p) : undefined)
      await expectColourMode(page, dark)
      return fn(page)
    },
    { viewport: { width: 1280, height: 900 }, colorScheme: dark ? 'dark' : 'light' },
  )
}

async function expectColourMode(page: Page, dark: boolean): Promise<void> {
  // VitePress follows the system colour scheme until the reader picks one.
  await page
    .waitForFunction((d) => document.documentElement.classList.contains('dark') === d, dark, { timeout: 30_000 })
    .catch(() => {
      throw new Error(`VitePress does not follow the system colour scheme: <html> is not ${dark ? 'dark' : 'light'}`)
    })
  // The theme animates colour changes; audit the colours the reader ends up with.
  await waitForTransitions(page)
}

/** Serious and critical violations of WCAG 2.1 A/AA on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  return seriousViolations(await axe(page).withTags(WCAG_TAGS).analyze())
}

// Two pages at a time (the site project's maxConcurrency): each page has its
// own renderer process, so on two cores both are busy while axe runs.
describe.skipIf(noBrowser).concurrent('axe-core', () => {
  // One page load per page: audited in light mode, then switched to dark the
  // way a reader's system switches (prefers-color-scheme) and audited again.
  // Concurrent tests must use the `expect` of their own context.
  it.for<[string, string]>(sitePages.map((p) => [p.path || '(home)', p.path]))('%s in light and dark mode has no serious or critical violation', { timeout: AXE_TIMEOUT }, async ([, p], { expect }) => {
    await onPage(p, false, async (page) => {
      const light = await axeViolations(page)
      // The theme animates colours, and off-screen blocks (content-visibility:
      // auto) start their animation only when axe reads their style: audit the
      // colours the reader ends up with, not a frame of the animation.
      await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important }' })
      await page.emulateMedia({ colorScheme: 'dark' })
      await expectColourMode(page, true)
      const dark = await axeViolations(page)
      expect({ light, dark }, [...light.map((v) => `light: ${v}`), ...dark.map((v) => `dark: ${v}`)].join('\n')).toEqual({ light: [], dark: [] })
    })
  })
})

describe.skipIf(noBrowser)('keyboard', () => {
  it('opens search with Ctrl+K, types a Chinese query and opens a result with Enter', async () => {
    await onPage('', false, async (page) => {
      await page.keyboard.press('Control+k')
      const input = page.locator('.VPLocalSearchBox input')
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true)
      await page.keyboard.type('协程')
      await expect.poll(() => page.locator('.VPLocalSearchBox .result').count()).toBeGreaterThan(0)
      await page.keyboard.press('Enter')
      await page.waitForURL((u) => u.pathname !== `${TEST_BASE}`)
      await waitForPage(page, /\S/)
      await expect.poll(() => page.locator('.VPLocalSearchBox').count()).toBe(0)
    })
  })

  it('reaches and follows a sidebar link with Tab and Enter', async () => {
    await onPage('luajit/', false, async (page) => {
      let focusedHref: string | null = null
      for (let i = 0; i < 60 && !focusedHref?.endsWith('/luajit/resty-core'); i++) {
        await page.keyboard.press('Tab')
        focusedHref = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? null)
      }
      expect(focusedHref).toMatch(/\/luajit\/resty-core$/)
      await page.keyboard.press('Enter')
      await waitForPage(page, titleOf('luajit/resty-core'))
      expect(new URL(page.url()).pathname).toMatch(/\/luajit\/resty-core$/)
    })
  })

  it('focuses the scroll region of a comparison table', async () => {
    await onPage('performance/caching', false, async (page) => {
      const region = page.locator('.vp-doc [role="region"][tabindex="0"]').first()
      await region.focus()
      expect(await region.evaluate((el) => el === document.activeElement)).toBe(true)
    })
  })
})
