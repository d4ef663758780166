// Pages reused from one test to the next. A page in a new browser context
// starts a new renderer process: opening the 19 pages of the site one by one
// took 19.6 CPU-s in a new context each and 11.6 CPU-s in one reused page
// (`npm run test:page-cost`, 2 cores). A page goes back to the pool only
// after a test finished with it cleanly, and is reset first: no listeners,
// no stored data, a blank document, the media, viewport and timeouts it was
// opened with.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'

/** How a pooled page is opened; a page is reused only for the same options. */
export type PageOptions = Pick<BrowserContextOptions, 'viewport' | 'colorScheme' | 'javaScriptEnabled'>

const DEFAULT_VIEWPORT = { width: 1280, height: 720 } // Playwright's own default
const DEFAULT_TIMEOUT = 30_000 // Playwright's own default

export class PagePool {
  private readonly idle = new Map<string, Page[]>()

  constructor(private readonly browser: () => Browser) {}

  /** Runs `fn` with an open page (reused when one is idle); the page is reset or closed afterwards. */
  async use<T>(options: PageOptions, fn: (page: Page) => Promise<T>): Promise<T> {
    const key = JSON.stringify([options.viewport ?? DEFAULT_VIEWPORT, options.colorScheme ?? 'light', options.javaScriptEnabled ?? true])
    const page = this.idle.get(key)?.pop() ?? (await (await this.browser().newContext(options)).newPage())
    let clean = false
    try {
      const result = await fn(page)
      clean = true
      return result
    } finally {
      // A page a test failed on may be in any state: never hand it on.
      if (clean && (await reset(page, options))) this.idle.set(key, [...(this.idle.get(key) ?? []), page])
      else await page.context().close().catch(() => {})
    }
  }
}

/** Brings a page back to how a new one starts; false when that failed. */
async function reset(page: Page, options: PageOptions): Promise<boolean> {
  try {
    await page.removeAllListeners()
    // What the test (or the page) stored, such as the colour mode a reader picked.
    if (options.javaScriptEnabled !== false && /^https?:/.test(page.url())) {
      await page.evaluate(() => {
        localStorage.clear()
        sessionStorage.clear()
      })
    }
    await page.goto('about:blank')
    await page.emulateMedia({ media: null, colorScheme: options.colorScheme ?? 'light' })
    await page.setViewportSize(options.viewport ?? DEFAULT_VIEWPORT)
    page.setDefaultTimeout(DEFAULT_TIMEOUT)
    page.setDefaultNavigationTimeout(DEFAULT_TIMEOUT)
    return true
  } catch {
    return false
  }
}
