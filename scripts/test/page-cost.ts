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

/** Busy and total jiffies of the whole machine. */
function cpu(): { busy: number; total: number } {
  const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = f.map(Number) as number[]
  const busy = user! + nice! + system! + irq! + softirq! + steal!
  return { busy, total: busy + idle! + iowait! }
}

if (!fs.existsSync(TEST_DIST)) throw new Error(`no test build at ${TEST_DIST}: run \`npx vite-node scripts/test/build-site.ts\` first`)
const server = await serveStatic(TEST_DIST, TEST_BASE)
const origin = server.url.replace(/\/+$/, '')
const WITHOUT_FLAG = CHROMIUM_ARGS.filter((a) => !a.startsWith('--disable-features='))
const HZ = 100 // USER_HZ on Linux

console.log(`| Chromium flags | pages opened in | pages | wall s | CPU-s (machine) |`)
console.log(`| --- | --- | ---: | ---: | ---: |`)
for (const [flags, args] of [['as the tests run it', CHROMIUM_ARGS], ['without --disable-features', WITHOUT_FLAG]] as const) {
  for (const reuse of [false, true]) {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...args], headless: true })
    const before = cpu()
    const started = Date.now()
    const shared = reuse ? await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage() : undefined
    for (const p of sitePages) {
      const page = shared ?? (await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage())
      await page.goto(`${origin}${TEST_BASE}${p.path}`, { waitUntil: 'load' })
      await page.waitForFunction(() => !!(document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__)
      if (shared) await page.goto('about:blank')
      else await page.context().close()
    }
    const after = cpu()
    const wall = (Date.now() - started) / 1000
    console.log(`| ${flags} | ${reuse ? 'one page, reused' : 'a new context each'} | ${sitePages.length} | ${wall.toFixed(1)} | ${((after.busy - before.busy) / HZ).toFixed(1)} |`)
    await browser.close()
  }
}
await server.close()
