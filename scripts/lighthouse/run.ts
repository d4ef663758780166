// `npm run bench:lighthouse`: builds the site with the GitHub Pages base,
// serves it on 127.0.0.1 and runs Lighthouse 12 (mobile settings, its
// default) in Debian's Chromium on the home page and two chapters, and on a
// plain VitePress page built and served the same way, as the baseline.
// Each page is run LIGHTHOUSE_RUNS times (default 5, as Lighthouse's docs
// advise for variable scores) and the run with the median performance score
// is reported. LIGHTHOUSE_REUSE_BUILD=1 skips both builds when their output
// exists; LIGHTHOUSE_PAGES=luajit/,… limits the pages (the baseline always runs).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import type { Result } from 'lighthouse'
import { serveStatic } from '../../test/support/static-server'
import { ROOT, TEST_BASE } from '../../test/support/paths'

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium'
const PAGES = process.env.LIGHTHOUSE_PAGES?.split(',') ?? ['', 'luajit/', 'performance/flame-graph']
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5)
const OUT = path.join(ROOT, 'test/.output/lighthouse')
const PLAIN_BASE = '/plain/'
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROME_PATH)`)
  }
  const dist = path.join(OUT, 'site')
  const plainDist = path.join(OUT, 'plain')
  const reuse = process.env.LIGHTHOUSE_REUSE_BUILD === '1'
  if (!reuse || !fs.existsSync(path.join(dist, 'index.html'))) {
    execFileSync('npx', ['vitepress', 'build', 'docs', '--outDir', dist], {
      cwd: ROOT,
      env: { ...process.env, DOCS_BASE: TEST_BASE },
      stdio: 'inherit',
    })
  }
  if (!reuse || !fs.existsSync(path.join(plainDist, 'page.html'))) {
    execFileSync('npx', ['vitepress', 'build', 'test/fixtures/plain-vitepress', '--outDir', plainDist, '--base', PLAIN_BASE], { cwd: ROOT, stdio: 'inherit' })
  }
  const server = await serveStatic(dist, TEST_BASE)
  const plainServer = await serveStatic(plainDist, PLAIN_BASE)
  const targets = [
    { name: '基线：plain VitePress 页面', url: `${plainServer.url}plain/page`, file: 'plain' },
    ...PAGES.map((p) => ({ name: `/${p}`, url: `${server.url.replace(/\/+$/, '')}${TEST_BASE}${p}`, file: p.replace(/\W+/g, '_') || 'home' })),
  ]
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const rows: string[] = ['| 页面 | 性能 | 无障碍 | 最佳实践 | SEO | LCP | TBT | CLS | 各次性能分 |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |']
  try {
    for (const { name, url, file } of targets) {
      const runs: Result[] = []
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] })
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
        runs.push(result.lhr)
      }
      const perf = (r: Result) => r.categories.performance?.score ?? 0
      const sorted = [...runs].sort((a, b) => perf(a) - perf(b))
      const lhr = sorted[Math.floor(sorted.length / 2)]!
      fs.writeFileSync(path.join(OUT, `${file}.json`), JSON.stringify(lhr))
      const score = (c: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[c]?.score ?? 0) * 100)
      const audit = (id: string) => lhr.audits[id]?.displayValue ?? '-'
      rows.push(`| ${name} | ${CATEGORIES.map(score).join(' | ')} | ${audit('largest-contentful-paint')} | ${audit('total-blocking-time')} | ${audit('cumulative-layout-shift')} | ${runs.map((r) => Math.round(perf(r) * 100)).join(' ')} |`)
    }
  } finally {
    chrome.kill()
    await server.close()
    await plainServer.close()
  }
  const report = `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}，移动端默认设置，每页 ${RUNS} 次取性能分中位数的那次，${new Date().toISOString()}\n\n${rows.join('\n')}\n`
  fs.writeFileSync(path.join(OUT, 'report.md'), report)
  console.log(report)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
