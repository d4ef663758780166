// The built site (test/.output/site) served on 127.0.0.1 under the GitHub
// Pages base, and Chromium, for one test file: call at the top of the file.
// The `site` project's globalSetup builds the site, serves it and starts one
// Chromium for the whole run (test/site/global-setup.ts); each file connects
// to that browser before its tests and disconnects after them, which closes
// the contexts it opened.
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { browserUnavailable, waitForApp } from './browser'
import { PagePool, type PageOptions } from './page-pool'
import { TEST_BASE } from './paths'

export interface BuiltSite {
  /** The running Chromium; only read it inside tests (after beforeAll). */
  readonly browser: Browser
  /** Absolute URL of a page path such as `luajit/ffi`. */
  url(pagePath: string): string
  /**
   * Runs `fn` with an open page, reused from an earlier test of this file
   * when one with the same options is idle (support/page-pool.ts). For tests
   * that change the browser context itself (init scripts), open a context.
   */
  withPage<T>(fn: (page: Page) => Promise<T>, options?: PageOptions): Promise<T>
}

export function useBuiltSite(): BuiltSite {
  let browser: Browser | undefined
  const origin = inject('siteOrigin')
  beforeAll(async () => {
    // Outside CI without Chromium, the file's suites skip (browserUnavailable warns loudly).
    if (browserUnavailable()) return
    const endpoint = inject('chromiumEndpoint')
    if (!endpoint) throw new Error('useBuiltSite: no shared Chromium; run this file in the `site` project (its globalSetup starts it)')
    browser = await chromium.connect(endpoint)
  })
  afterAll(async () => {
    await browser?.close()
  })
  const running = () => {
    if (!browser) throw new Error('useBuiltSite: Chromium is not running (read .browser inside a test)')
    return browser
  }
  const pool = new PagePool(running)
  return {
    get browser() {
      return running()
    },
    url: (pagePath) => `${origin}${TEST_BASE}${pagePath}`,
    withPage: (fn, options = {}) => pool.use(options, fn),
  }
}

/**
 * Waits until the page's Vue app is mounted and the current route's content is
 * rendered: `#app` is hydrated, the URL path is `pathname` (when given) and
 * the H1 of the page is in the DOM. Client-side navigation replaces the
 * content after the URL changes, so the URL alone is not enough.
 */
export async function waitForPage(page: Page, h1Text?: string | RegExp): Promise<void> {
  await waitForApp(page)
  if (h1Text !== undefined) {
    const h1 = page.locator('.vp-doc h1').first()
    await h1.filter({ hasText: h1Text }).waitFor()
  }
}

/** Waits until no CSS transition runs (colour changes animate in VitePress's theme). */
export async function waitForTransitions(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'))
}

/**
 * Waits until the aside outline lists the headings of the page now shown (a
 * page with at least one H2 or H3):
 * VitePress renders the outline after the content, so right after a
 * client-side navigation it still lists the previous page's headings.
 */
export async function waitForOutline(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.VPDocAsideOutline a.outline-link')]
    const firstHeading = document.querySelector('.vp-doc :is(h2, h3)[id]')
    return (
      links.length > 0 &&
      !!firstHeading &&
      links[0]!.hash === `#${encodeURIComponent(firstHeading.id)}` &&
      links.every((a) => !!document.querySelector(`.vp-doc [id="${CSS.escape(decodeURIComponent(a.hash.slice(1)))}"]`))
    )
  })
}

/** Waits until the viewport is `width` wide and the page has been laid out and painted at that width. */
export async function waitForLayout(page: Page, width: number): Promise<void> {
  await page.waitForFunction((w) => window.innerWidth === w, width)
  // Vue updates what depends on the width (media queries in JS) in the next
  // task; two animation frames later that render has been laid out.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
}
