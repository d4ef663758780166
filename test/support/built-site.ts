// Chromium and the built site (test/.output/site) served on 127.0.0.1 under
// the GitHub Pages base, for one test file: call at the top of the file; the
// hooks start both before its tests and stop them after.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { browserUnavailable, launchChromium } from './browser'
import { TEST_BASE, TEST_DIST } from './paths'
import { serveStatic, type StaticServer } from './static-server'

export interface BuiltSite {
  /** The running Chromium; only read it inside tests (after beforeAll). */
  readonly browser: Browser
  /** Absolute URL of a page path such as `luajit/ffi`. */
  url(pagePath: string): string
}

export function useBuiltSite(): BuiltSite {
  let browser: Browser | undefined
  let server: StaticServer | undefined
  let origin = ''
  beforeAll(async () => {
    // Outside CI without Chromium, the file's suites skip (browserUnavailable warns loudly).
    if (browserUnavailable()) return
    browser = await launchChromium()
    server = await serveStatic(TEST_DIST, TEST_BASE)
    origin = server.url.replace(/\/+$/, '')
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get browser() {
      if (!browser) throw new Error('useBuiltSite: Chromium is not running (read .browser inside a test)')
      return browser
    },
    url: (pagePath) => `${origin}${TEST_BASE}${pagePath}`,
  }
}
