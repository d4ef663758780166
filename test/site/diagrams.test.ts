// Diagrams in the real build (test/.output/site, base /openresty-notes/):
// every <Diagram> of docs/ is an SVG image on its page, every SVG it points to
// exists, no page loads any Mermaid code, and in Chromium the diagrams stay
// drawn and coloured after client-side navigation and a switch to dark mode.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { MERMAID_JS, THEMES } from '../../scripts/diagrams/config'
import { readManifest } from '../../scripts/diagrams/source'
import { browserUnavailable } from '../support/browser'
import { useBuiltSite, waitForPage } from '../support/built-site'
import { measurePage } from '../support/page-weight'
import { DOCS, TEST_BASE, TEST_DIST } from '../support/paths'
import { titleOf } from '../support/site-pages'

const manifest = readManifest()

function walk(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return e.name.startsWith('.') || e.name === 'public' ? [] : walk(p, keep)
    return keep(e.name) ? [p] : []
  })
}

interface DocPage {
  /** Markdown source relative to docs/. */
  source: string
  /** Clean URL path below the base, e.g. `luajit/` or `luajit/ffi`. */
  url: string
  html: string
  diagrams: string[]
}

const pages: DocPage[] = walk(DOCS, (f) => f.endsWith('.md')).map((file) => {
  const source = path.relative(DOCS, file).split(path.sep).join('/')
  const url = source.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '')
  const html = source.replace(/\.md$/, '.html')
  const text = readFileSync(file, 'utf8')
  return { source, url, html, diagrams: [...text.matchAll(/<Diagram\s+name="([^"]+)"/g)].map((m) => m[1]!) }
})
const withDiagrams = pages.filter((p) => p.diagrams.length)
const withoutDiagrams = pages.filter((p) => !p.diagrams.length && p.source !== 'index.md')
const uses = withDiagrams.flatMap((p) => p.diagrams.map((name) => [`${p.source}: ${name}`, p, name] as const))

const builtHtml = (p: DocPage) => readFileSync(path.join(TEST_DIST, p.html), 'utf8')
/** A URL of the built site (with base) to the file it is served from. */
const distFile = (url: string) => path.join(TEST_DIST, decodeURI(url.slice(TEST_BASE.length)))
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** Strings only Mermaid's runtime contains (checked against mermaid.min.js below). */
const MERMAID_NEEDLES = ['mermaidAPI', 'securityLevel', 'flowchart-v2', 'dagre-wrapper', 'Syntax error in text']

/** The JS a page loads on first visit: its module script and modulepreloads. */
function initialScripts(html: string): string[] {
  const urls = new Set<string>()
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) urls.add(m[1]!)
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g)) urls.add(m[1]!)
  return [...urls]
}

function jsBytes(html: string): { raw: number; gzip: number; files: string[] } {
  const files = initialScripts(html)
  let raw = 0
  let gzip = 0
  for (const f of files) {
    const body = readFileSync(distFile(f))
    raw += body.length
    gzip += gzipSync(body, { level: 9 }).length
  }
  return { raw, gzip, files }
}

describe('diagrams in the built HTML', () => {
  it('the docs use diagrams', () => {
    expect(uses.length).toBeGreaterThan(0)
  })

  it.each(uses)('%s is a server-rendered figure of two SVG files', (_label, page, name) => {
    const entry = manifest.diagrams[name]
    expect(entry, `docs/image/${name}.mmd rendered`).toBeDefined()
    const html = builtHtml(page)
    const start = html.indexOf(`<figure class="diagram" data-diagram="${name}"`)
    expect(start, `<figure data-diagram="${name}"> in ${page.html}`).toBeGreaterThanOrEqual(0)
    const figure = html.slice(start, html.indexOf('</figure>', start))
    const imgs = [...figure.matchAll(/<img\b[^>]*>/g)].map((m) => m[0])
    expect(imgs).toHaveLength(2)
    const stem = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const wanted = [new RegExp(`^${TEST_BASE}assets/${stem}\\.[\\w-]+\\.svg$`), new RegExp(`^${TEST_BASE}assets/${stem}\\.dark\\.[\\w-]+\\.svg$`)]
    imgs.forEach((img, i) => {
      const src = img.match(/\bsrc="([^"]+)"/)?.[1] ?? ''
      expect(src, img).toMatch(wanted[i]!)
      expect(existsSync(distFile(src)), `${src} exists in the build`).toBe(true)
      expect(readFileSync(distFile(src), 'utf8').startsWith('<svg'), src).toBe(true)
      expect(img).toContain(`alt="${escapeHtml(entry!.title)}"`)
      expect(img).toContain(`width="${entry!.width}"`)
      expect(img).toMatch(/aria-describedby="[^"]+"/)
    })
    // The description is in the HTML itself: readable with JavaScript off.
    expect(figure).toContain(escapeHtml(entry!.description))
    const descId = imgs[0]!.match(/aria-describedby="([^"]+)"/)![1]!
    expect(figure).toContain(`id="${descId}"`)
  })

  it('every SVG referenced from any built page exists', () => {
    const missing: string[] = []
    for (const file of walk(TEST_DIST, (f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8')
      for (const m of html.matchAll(/(?:src|href)="([^"]+\.svg)"/g)) {
        const url = m[1]!
        if (!url.startsWith(TEST_BASE)) continue
        if (!existsSync(distFile(url))) missing.push(`${path.relative(TEST_DIST, file)}: ${url}`)
      }
    }
    expect(missing).toEqual([])
  })
})

describe('no Mermaid runtime in the site', () => {
  it('the needles really are Mermaid-specific strings', () => {
    const mermaid = readFileSync(MERMAID_JS, 'utf8')
    for (const n of MERMAID_NEEDLES) expect(mermaid, n).toContain(n)
  })

  it('no built JS or HTML file contains Mermaid code', () => {
    const hits: string[] = []
    for (const file of walk(TEST_DIST, (f) => f.endsWith('.js') || f.endsWith('.html') || f.endsWith('.mjs'))) {
      const text = readFileSync(file, 'utf8')
      for (const n of MERMAID_NEEDLES) if (text.includes(n)) hits.push(`${path.relative(TEST_DIST, file)}: ${n}`)
      if (/mermaid(\.min)?\.js/.test(text)) hits.push(`${path.relative(TEST_DIST, file)}: mermaid script`)
    }
    expect(hits).toEqual([])
  })

  it('a page with diagrams loads about as much JS as one without, none of it Mermaid', () => {
    expect(withDiagrams.length).toBeGreaterThan(0)
    expect(withoutDiagrams.length).toBeGreaterThan(0)
    const a = withDiagrams[0]!
    const b = withoutDiagrams[0]!
    const withJs = jsBytes(builtHtml(a))
    const withoutJs = jsBytes(builtHtml(b))
    const svgBytes = a.diagrams.reduce((n, name) => {
      const e = manifest.diagrams[name]!
      return n + statSync(path.join(DOCS, 'image', e.light)).size
    }, 0)
    console.log(
      `[diagrams] initial JS of /${a.url} (${a.diagrams.join(', ')}): ${withJs.raw} B raw, ${withJs.gzip} B gzip in ${withJs.files.length} files; ` +
        `/${b.url} (no diagram): ${withoutJs.raw} B raw, ${withoutJs.gzip} B gzip; light SVG image(s): ${svgBytes} B`,
    )
    for (const f of withJs.files) {
      const text = readFileSync(distFile(f), 'utf8')
      for (const n of MERMAID_NEEDLES) expect(text, `${f} contains ${n}`).not.toContain(n)
    }
    // The Diagram component is in the shared theme chunk; page chunks differ by their text only.
    expect(Math.abs(withJs.gzip - withoutJs.gzip)).toBeLessThan(30 * 1024)
  })
})

/** Outside CI, no Chromium: skip with one loud line (see support/browser.ts). */
const noBrowser = browserUnavailable()
const site = useBuiltSite()

describe.skipIf(noBrowser)('diagrams in Chromium: client-side navigation and dark mode', () => {
  /** Waits for the visible image of a figure and counts its pixels in `fill` (the node colour). */
  async function visibleDiagram(page: Page, name: string, fill: string) {
    const figure = page.locator(`figure.diagram[data-diagram="${name}"]`).first()
    await figure.scrollIntoViewIfNeeded()
    const handle = await figure.elementHandle()
    await page.waitForFunction(
      (fig) => {
        const img = [...(fig as Element).querySelectorAll('img')].find((i) => getComputedStyle(i).display !== 'none')
        return !!img && img.complete && img.naturalWidth > 0
      },
      handle,
      { timeout: 15_000 },
    )
    return figure.evaluate((fig, hex) => {
      const shown = [...fig.querySelectorAll('img')].filter((i) => getComputedStyle(i).display !== 'none')
      const img = shown[0]!
      const canvas = document.createElement('canvas')
      canvas.width = img.naturalWidth
      canvas.height = img.naturalHeight
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
      const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
      let filled = 0
      let opaque = 0
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0) opaque++
        if (data[i + 3] === 255 && Math.abs(data[i]! - want[0]!) <= 3 && Math.abs(data[i + 1]! - want[1]!) <= 3 && Math.abs(data[i + 2]! - want[2]!) <= 3) filled++
      }
      return {
        shown: shown.map((i) => i.className),
        naturalWidth: img.naturalWidth,
        displayedWidth: img.getBoundingClientRect().width,
        filled,
        opaque,
      }
    }, fill)
  }

  it('stays drawn and styled after client-side navigation and a theme switch', async () => {
    const first = withDiagrams[0]!
    const second = withDiagrams.find((p) => p !== first)
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    try {
      await page.goto(site.url(first.url), { waitUntil: 'load' })
      await waitForPage(page, titleOf(first.url))
      await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 1))

      const a = await visibleDiagram(page, first.diagrams[0]!, THEMES.light.primaryColor!)
      expect(a.shown).toEqual(['img-light'])
      expect(a.naturalWidth).toBe(manifest.diagrams[first.diagrams[0]!]!.width)
      expect(a.filled, 'light node fill is drawn').toBeGreaterThan(500)

      // Client-side navigation (VitePress' router handles the click).
      const target = second ?? withoutDiagrams[0]!
      await page.evaluate((href) => {
        const link = document.createElement('a')
        link.href = href
        link.textContent = 'next'
        document.querySelector('.vp-doc')!.appendChild(link)
        link.click()
      }, `${TEST_BASE}${target.url}`)
      await waitForPage(page, titleOf(target.url))
      expect(new URL(page.url()).pathname).toBe(`${TEST_BASE}${target.url}`)
      expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload), 'no full page load').toBe(1)
      const onSecond = second ? second.diagrams[0]! : undefined
      if (onSecond) {
        const b = await visibleDiagram(page, onSecond, THEMES.light.primaryColor!)
        expect(b.shown).toEqual(['img-light'])
        expect(b.filled).toBeGreaterThan(500)
      }

      // Switch to dark mode with the navbar toggle.
      await page.locator('.VPNavBar button.VPSwitchAppearance').first().click()
      await page.waitForFunction(() => document.documentElement.classList.contains('dark'))
      if (onSecond) {
        const c = await visibleDiagram(page, onSecond, THEMES.dark.primaryColor!)
        expect(c.shown).toEqual(['img-dark'])
        expect(c.filled, 'dark node fill is drawn').toBeGreaterThan(500)
      }

      // Back (client-side) to the first page, still dark.
      await page.goBack()
      await waitForPage(page, titleOf(first.url))
      expect(new URL(page.url()).pathname).toBe(`${TEST_BASE}${first.url}`)
      expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(1)
      const d = await visibleDiagram(page, first.diagrams[0]!, THEMES.dark.primaryColor!)
      expect(d.shown).toEqual(['img-dark'])
      expect(d.filled).toBeGreaterThan(500)
      expect(d.displayedWidth).toBeGreaterThan(0)
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('JS the browser loads for a diagram page vs a page without one', async () => {
    const context = await site.browser.newContext()
    try {
      const a = await measurePage(await context.newPage(), site.url(withDiagrams[0]!.url))
      const b = await measurePage(await context.newPage(), site.url(withoutDiagrams[0]!.url))
      console.log(
        `[diagrams] browser-loaded JS: /${withDiagrams[0]!.url} ${a.js.raw} B raw / ${a.js.gzip} B gzip (${a.js.requests} files); ` +
          `/${withoutDiagrams[0]!.url} ${b.js.raw} B raw / ${b.js.gzip} B gzip (${b.js.requests} files)`,
      )
      for (const s of a.scripts) {
        const text = readFileSync(distFile(s), 'utf8')
        for (const n of MERMAID_NEEDLES) expect(text, `${s} contains ${n}`).not.toContain(n)
      }
      expect(Math.abs(a.js.gzip - b.js.gzip)).toBeLessThan(30 * 1024)
    } finally {
      await context.close()
    }
  })
})
