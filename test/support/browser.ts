// Debian's Chromium for browser tests, driven by playwright-core (no browser
// download). Outside CI a missing /usr/bin/chromium skips the browser tests
// with one loud line; under CI=true it is an error.
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_MISSING_HINT, CHROMIUM_PATH, chromiumInstalled, startChromium } from '../../scripts/diagrams/chromium'

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/diagrams/chromium'

export const isCI = process.env.CI === 'true' || process.env.CI === '1'

let warned = false

/** True when browser tests must be skipped (no Chromium and not in CI). */
export function browserUnavailable(): boolean {
  if (chromiumInstalled()) return false
  if (isCI) return false // launchChromium() will throw and fail the run
  if (!warned) {
    warned = true
    console.warn(`\n!!!!! SKIPPING BROWSER TESTS: ${CHROMIUM_MISSING_HINT} !!!!!\n`)
  }
  return true
}

/**
 * A playwright-core Browser on Debian's Chromium, or `undefined` (after a loud
 * warning) when it is not installed outside CI. Under CI=true a missing
 * Chromium throws.
 */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!chromiumInstalled()) {
    if (isCI) throw new Error(`CI=true and ${CHROMIUM_MISSING_HINT}`)
    browserUnavailable()
    return undefined
  }
  return startChromium()
}

/**
 * Debian's Chromium as a server other processes connect to (`chromium.connect`
 * on its `wsEndpoint()`), listening on 127.0.0.1; `undefined` when browser
 * tests skip (see launchChromium).
 */
export async function launchChromiumServer(): Promise<BrowserServer | undefined> {
  if (!chromiumInstalled()) {
    if (isCI) throw new Error(`CI=true and ${CHROMIUM_MISSING_HINT}`)
    browserUnavailable()
    return undefined
  }
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, host: '127.0.0.1' })
}

/** Waits until the page's Vue app is mounted (VitePress has hydrated the server HTML). */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => !!(document.querySelector('#app') as (Element & { __vue_app__?: unknown }) | null)?.__vue_app__)
}
