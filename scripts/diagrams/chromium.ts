// Debian's Chromium, driven by playwright-core. Never downloads a browser.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Chromium 156 opens a hidden omnibox popup (WebUI renderers) for every
  // browser context, even headless: opening each of the 19 pages in a new
  // context took 35 CPU-s with it and 20 CPU-s without (`npm run test:page-cost`).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
]

export const CHROMIUM_MISSING_HINT = `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\``

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH)
}

/** Starts Chromium or throws with the install hint when it is not there. */
export async function startChromium(): Promise<Browser> {
  if (!chromiumInstalled()) throw new Error(CHROMIUM_MISSING_HINT)
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}
