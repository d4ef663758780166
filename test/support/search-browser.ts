// Minimal Chromium launcher for test/site/search.test.ts: Debian's
// /usr/bin/chromium through playwright-core, never a downloaded browser.
import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Chromium, or `undefined` (with one loud line) outside CI when it is not installed. */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!fs.existsSync(CHROMIUM)) {
    if (process.env.CI === 'true') throw new Error(`${CHROMIUM} not found: apt-get install chromium`)
    console.warn(`[search] SKIPPING browser tests: ${CHROMIUM} not found; run \`apt-get install chromium\``)
    return undefined
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
