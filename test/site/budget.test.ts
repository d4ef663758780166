// Performance budget: what each page makes the browser download, against a
// plain VitePress page (default theme, local search) measured the same way.
//
// The budget: at most 10% more JavaScript than the plain page, raw and gzip.
// Tables, charts, ratios and diagrams keep their server HTML and load no code
// on page load (theme/static-on-load.ts); the flame graph is the one
// interactive component, and its profile ships packed (plugins/packed-flame.ts).
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { browserUnavailable } from '../support/browser'
import { useBuiltSite } from '../support/built-site'
import { kib, measurePage, type PageWeight } from '../support/page-weight'
import { ROOT } from '../support/paths'
import { PLAIN_BASE } from '../support/site-build'
import { sitePages } from '../support/site-pages'

/** Outside CI, no Chromium: skip with one loud line (see support/browser.ts). */
const noBrowser = browserUnavailable()

const JS_BUDGET = 1.1
const GZIP_BUDGET = 1.1
/** Chunks of the draw-only components: none may load when a page is opened. */
const STATIC_CHUNKS = /\/(CompareTable|BenchChart|BenchRatio|Diagram|registry)\.[\w-]+\.js$/
const REPORT = path.join(ROOT, 'test/.output/page-weight.md')

// Both builds are made and served by the project's globalSetup (support/site-build.ts).
const site = useBuiltSite()
let plain: PageWeight
const measured: PageWeight[] = []

beforeAll(async () => {
  if (noBrowser) return
  plain = await site.withPage((page) => measurePage(page, `${inject('plainOrigin')}${PLAIN_BASE}page`))
})

afterAll(async () => {
  if (measured.length && plain) {
    const row = (w: PageWeight, name: string) =>
      `| ${name} | ${kib(w.js.raw)} | ${kib(w.js.gzip)} | ${w.js.requests} | ${kib(w.css.raw)} | ${kib(w.css.gzip)} | ${w.requests} | ${(w.js.raw / plain.js.raw).toFixed(3)} |`
    const lines = [
      '| 页面 | JS | JS gzip | JS 请求 | CSS | CSS gzip | 请求总数 | JS / 基线 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      row(plain, '基线：plain VitePress 页面'),
      // In the order of the site's pages, whichever finished first.
      ...sitePages.flatMap((p) => measured.filter((w) => w.url === site.url(p.path))).map((w) => row(w, new URL(w.url).pathname)),
    ]
    fs.mkdirSync(path.dirname(REPORT), { recursive: true })
    fs.writeFileSync(REPORT, `${lines.join('\n')}\n`)
    console.log(`[budget] report written to ${path.relative(ROOT, REPORT)}\n${lines.join('\n')}`)
  }
})

// Pages load two at a time (the site project's maxConcurrency): while one
// waits on the network, the other renders.
describe.skipIf(noBrowser).concurrent('page weight', () => {
  it('measures a real baseline', ({ expect }) => {
    expect(plain.js.raw).toBeGreaterThan(50_000)
    expect(plain.js.requests).toBeGreaterThan(1)
  })

  // Concurrent tests must use the `expect` of their own context.
  it.for(sitePages.map((p) => [p.path || '(home)', p.path] as const))('%s stays within the JavaScript budget against plain VitePress', async ([, p], { expect }) => {
    await site.withPage(async (page) => {
      const w = await measurePage(page, site.url(p))
      measured.push(w)
      const detail = `${p}: ${kib(w.js.raw)} JS (${kib(w.js.gzip)} gzip) vs plain ${kib(plain.js.raw)} (${kib(plain.js.gzip)} gzip)\n${w.scripts.join('\n')}`
      expect(w.js.raw, detail).toBeLessThanOrEqual(plain.js.raw * JS_BUDGET)
      expect(w.js.gzip, detail).toBeLessThanOrEqual(plain.js.gzip * GZIP_BUDGET)
      expect(w.scripts.some((s) => /mermaid/i.test(s)), `${p} loads a mermaid chunk`).toBe(false)
      expect(w.scripts.filter((s) => STATIC_CHUNKS.test(s)), `${p} loads code for a component that only draws`).toEqual([])
    })
  })
})
