// `npm run test:page-cost`: what it costs the machine to open every page of
// the built site in Chromium, one after another, in the ways the browser
// tests could open them. The figures behind two choices of the site tests:
// - a new browser context per page vs one page reused (test/support/page-pool.ts);
// - Chromium with vs without the omnibox popup it opens per context
//   (the --disable-features flag in scripts/diagrams/chromium.ts).
// Run it on a quiet machine: CPU is counted machine-wide from /proc/stat.
// Needs the test build (`npm test` or `npx vite-node scripts/test/build-site.ts`).
import fs from 'node:fs'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../diagrams/chromium'
import { TEST_BASE, TEST_DIST } from '../../test/support/paths'
import { sitePages } from '../../test/support/site-pages'
import { serveStatic } from '../../test/support/static-server'
import { waitForApp } from '../../test/support/browser'

const HZ = 100 // USER_HZ on Linux: /proc/stat counts in 1/100 s

/** CPU-seconds the whole machine has spent busy since boot (not idle, not waiting on I/O). */
function busySeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  return (user! + nice! + system! + irq! + softirq! + steal!) / HZ
}

if (!fs.existsSync(TEST_DIST)) throw new Error(`no test build at ${TEST_DIST}: run \`npx vite-node scripts/test/build-site.ts\` first`)
const server = await serveStatic(TEST_DIST, TEST_BASE)
const origin = server.url.replace(/\/+$/, '')
const WITHOUT_FLAG = CHROMIUM_ARGS.filter((a) => !a.startsWith('--disable-features='))

console.log(`| Chromium flags | pages opened in | pages | wall s | CPU-s (machine) |`)
console.log(`| --- | --- | ---: | ---: | ---: |`)
for (const [flags, args] of [['as the tests run it', CHROMIUM_ARGS], ['without --disable-features', WITHOUT_FLAG]] as const) {
  for (const reuse of [false, true]) {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...args], headless: true })
    const before = busySeconds()
    const started = Date.now()
    const shared = reuse ? await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage() : undefined
    for (const p of sitePages) {
      const page = shared ?? (await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage())
      await page.goto(`${origin}${TEST_BASE}${p.path}`, { waitUntil: 'load' })
      await waitForApp(page)
      if (shared) await page.goto('about:blank')
      else await page.context().close()
    }
    const after = busySeconds()
    const wall = (Date.now() - started) / 1000
    console.log(`| ${flags} | ${reuse ? 'one page, reused' : 'a new context each'} | ${sitePages.length} | ${wall.toFixed(1)} | ${(after - before).toFixed(1)} |`)
    await browser.close()
  }
}
await server.close()
