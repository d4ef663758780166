// Accessibility: axe-core on every page in light and dark mode (no serious
// or critical violation), and the keyboard paths a reader relies on.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserUnavailable } from '../support/browser'
import { useBuiltSite } from '../support/built-site'
import { TEST_BASE } from '../support/paths'
import { sitePages } from '../support/site-pages'

/** Outside CI, no Chromium: skip with one loud line (see support/browser.ts). */
const noBrowser = browserUnavailable()

const site = useBuiltSite()
const url = site.url

async function openPage(p: string, dark: boolean): Promise<Page> {
  const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: dark ? 'dark' : 'light' })
  const page = await ctx.newPage()
  await page.goto(url(p), { waitUntil: 'networkidle' })
  const isDark = await page.evaluate(() => document.documentElement.classList.contains('dark'))
  expect(isDark, 'VitePress follows the system colour scheme on first visit').toBe(dark)
  return page
}

describe.skipIf(noBrowser)('axe-core', () => {
  const cases = sitePages.flatMap((p) => [
    [p.path || '(home)', 'light', p.path] as const,
    [p.path || '(home)', 'dark', p.path] as const,
  ])
  it.each(cases)('%s in %s mode has no serious or critical violation', async (_n, theme, p) => {
    const dark = theme === 'dark'
    const page = await openPage(p, dark)
    try {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`)
      expect(bad.length, report.join('\n')).toBe(0)
    } finally {
      await page.context().close()
    }
  })
})

describe.skipIf(noBrowser)('keyboard', () => {
  it('opens search with Ctrl+K, types a Chinese query and opens a result with Enter', async () => {
    const page = await openPage('', false)
    try {
      await page.keyboard.press('Control+k')
      const input = page.locator('.VPLocalSearchBox input')
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true)
      await page.keyboard.type('协程')
      await expect.poll(() => page.locator('.VPLocalSearchBox .result').count()).toBeGreaterThan(0)
      await page.keyboard.press('Enter')
      await page.waitForURL((u) => u.pathname !== `${TEST_BASE}`)
      expect(await page.locator('.VPLocalSearchBox').count()).toBe(0)
    } finally {
      await page.context().close()
    }
  })

  it('reaches and follows a sidebar link with Tab and Enter', async () => {
    const page = await openPage('luajit/', false)
    try {
      let focusedHref: string | null = null
      for (let i = 0; i < 60 && !focusedHref?.endsWith('/luajit/resty-core'); i++) {
        await page.keyboard.press('Tab')
        focusedHref = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? null)
      }
      expect(focusedHref).toMatch(/\/luajit\/resty-core$/)
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/luajit\/resty-core$/)
    } finally {
      await page.context().close()
    }
  })

  it('focuses the scroll region of a comparison table', async () => {
    const page = await openPage('performance/caching', false)
    try {
      const region = page.locator('.vp-doc [role="region"][tabindex="0"]').first()
      await region.focus()
      expect(await region.evaluate((el) => el === document.activeElement)).toBe(true)
    } finally {
      await page.context().close()
    }
  })
})
