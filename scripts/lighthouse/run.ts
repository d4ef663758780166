// `npm run bench:lighthouse`: builds the site with the GitHub Pages base,
// serves it on 127.0.0.1 and runs Lighthouse 12 (mobile settings, its
// default) in Debian's Chromium on the home page and two chapters.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { serveStatic } from '../../test/support/static-server'
import { ROOT, TEST_BASE } from '../../test/support/paths'

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium'
const PAGES = ['', 'luajit/', 'performance/flame-graph']
const OUT = path.join(ROOT, 'test/.output/lighthouse')
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROME_PATH)`)
  }
  const dist = path.join(OUT, 'site')
  execFileSync('npx', ['vitepress', 'build', 'docs', '--outDir', dist], {
    cwd: ROOT,
    env: { ...process.env, DOCS_BASE: TEST_BASE },
    stdio: 'inherit',
  })
  const server = await serveStatic(dist, TEST_BASE)
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const rows: string[] = ['| 页面 | 性能 | 无障碍 | 最佳实践 | SEO | LCP | TBT | CLS |', '| --- | --- | --- | --- | --- | --- | --- | --- |']
  try {
    for (const p of PAGES) {
      const url = `${server.url.replace(/\/+$/, '')}${TEST_BASE}${p}`
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] })
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
      const { lhr } = result
      fs.writeFileSync(path.join(OUT, `${p.replace(/\W+/g, '_') || 'home'}.json`), JSON.stringify(lhr))
      const score = (c: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[c]?.score ?? 0) * 100)
      const audit = (id: string) => lhr.audits[id]?.displayValue ?? '-'
      rows.push(`| /${p} | ${CATEGORIES.map(score).join(' | ')} | ${audit('largest-contentful-paint')} | ${audit('total-blocking-time')} | ${audit('cumulative-layout-shift')} |`)
    }
  } finally {
    chrome.kill()
    await server.close()
  }
  const report = `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}，移动端默认设置，${new Date().toISOString()}\n\n${rows.join('\n')}\n`
  fs.writeFileSync(path.join(OUT, 'report.md'), report)
  console.log(report)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
