// `npm run pdf`: the one-page book (/print) as a PDF, printed by Debian's
// Chromium through playwright-core: A4, a cover, bookmarks from the headings,
// page numbers, fonts embedded. Writes docs/public/openresty-luajit-notes.pdf,
// which the next site build publishes and links from the home page
// (plugins/book.ts reads its size and date).
//
// By default it builds the site first (into docs/.vitepress/cache/pdf-site,
// with the deployment's DOCS_BASE). PDF_SITE=<dir> reuses a build instead,
// served under PDF_SITE_BASE (default: DOCS_BASE); PDF_OUT=<file> writes elsewhere.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { startChromium } from '../diagrams/chromium'
import { serveStatic } from '../../test/support/static-server'
import { ROOT } from '../../test/support/paths'
import { BOOK_LINK, PDF_PATH, formatBytes } from '../../docs/.vitepress/plugins/book'
import { normalizeBase, readSiteEnv } from '../../docs/.vitepress/site'
import { printBook } from './print'

async function main(): Promise<void> {
  const started = Date.now()
  const base = normalizeBase(process.env.PDF_SITE_BASE ?? readSiteEnv().base)
  let site = process.env.PDF_SITE ? path.resolve(process.env.PDF_SITE) : ''
  if (!site) {
    site = path.join(ROOT, 'docs/.vitepress/cache/pdf-site')
    execFileSync('npx', ['vitepress', 'build', 'docs', '--outDir', site], { cwd: ROOT, env: { ...process.env, DOCS_BASE: base }, stdio: 'inherit' })
  }
  const bookHtml = path.join(site, `${BOOK_LINK.slice(1)}.html`)
  if (!fs.existsSync(bookHtml)) throw new Error(`${bookHtml} is missing: PDF_SITE must be a build of this site (npx vitepress build docs)`)
  const out = process.env.PDF_OUT ? path.resolve(process.env.PDF_OUT) : PDF_PATH
  const built = Date.now()

  const server = await serveStatic(site, base)
  const browser = await startChromium()
  try {
    const pdf = await printBook(browser, `${server.url.replace(/\/+$/, '')}${base}${BOOK_LINK.slice(1)}`)
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(out, pdf)
  } finally {
    await browser.close()
    await server.close()
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  console.log(
    `[pdf] ${path.relative(ROOT, out)}: ${formatBytes(fs.statSync(out).size)} (${fs.statSync(out).size} B); ` +
      `site ${process.env.PDF_SITE ? 'reused' : `built in ${seconds(built - started)}`}, printed in ${seconds(Date.now() - built)}`,
  )
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
