// Renders docs/image/*.mmd to static SVG, once per colour scheme, in Debian's
// Chromium with Mermaid loaded from node_modules (no network, no CDN). The
// site then shows plain SVG files: no Mermaid code ever reaches a reader.
//
//   npm run diagrams                      render every diagram
//   DIAGRAMS=mlcache npm run diagrams     render only docs/image/mlcache.mmd
//
// For each `<name>.mmd` it writes `<name>.svg` (light), `<name>.dark.svg` and
// an entry in docs/image/diagrams.json: the hash of source + settings (checked
// by `npm run diagrams:check`), the accessible title/description and the size.
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { FALLBACK_FONT_STACKS, IMAGE_DIR, MERMAID_JS, MERMAID_VERSION, RENDERER_VERSION, mermaidConfig, type ThemeName } from './config'
import { startChromium } from './chromium'
import {
  DiagramSourceError,
  displayPath,
  hashSource,
  listSources,
  readAccessibility,
  readManifest,
  serializeManifest,
  manifestPath,
  type DiagramSource,
  type Manifest,
} from './source'

/** A label that sticks out of its box (or out of the picture) by `by` px. */
export interface Overflow {
  text: string
  box: string
  by: number
  font: string
}

export interface RenderedTheme {
  svg: string
  width: number
  height: number
  overflows: Overflow[]
}

export interface RenderedDiagram {
  name: string
  light: RenderedTheme
  dark: RenderedTheme
}

export class DiagramRenderError extends Error {}

/** A substitute font to re-measure every label with. */
export interface FontCheck {
  label: string
  css: string
}

/** The default checks: each fallback stack of config.ts. */
export const FONT_CHECKS: FontCheck[] = FALLBACK_FONT_STACKS.map((f) => ({ label: `font ${f}`, css: `font-family: ${f} !important;` }))

interface PageResult {
  error?: string
  line?: number
  svg?: string
  width?: number
  height?: number
  overflows?: Overflow[]
}

/** Lines Mermaid strips before parsing (a `---` front-matter block), so parse-error lines can be mapped back. */
export function leadingLinesRemoved(text: string): number {
  const m = text.match(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/)
  return m ? m[0].split('\n').length - 1 : 0
}

/** Runs inside the page: parse, render, measure, serialize. */
async function renderInPage(args: {
  id: string
  text: string
  config: Record<string, unknown>
  /** Each: a label and CSS declarations applied to every label before measuring again. */
  checks: FontCheck[]
}): Promise<PageResult> {
  type Mermaid = {
    initialize(c: unknown): void
    parse(t: string): Promise<unknown>
    render(id: string, t: string): Promise<{ svg: string }>
  }
  const mermaid = (window as unknown as { mermaid: Mermaid }).mermaid
  mermaid.initialize(args.config)
  try {
    await mermaid.parse(args.text)
  } catch (e) {
    const err = e as { message?: string; hash?: { loc?: { first_line?: number }; line?: number } }
    const message = String(err.message ?? e)
    let line = err.hash?.loc?.first_line
    if (line === undefined && typeof err.hash?.line === 'number') line = err.hash.line + 1
    if (line === undefined) {
      const m = message.match(/line:?\s*(\d+)/i)
      if (m) line = Number(m[1])
    }
    return { error: message, line }
  }
  const { svg } = await mermaid.render(args.id, args.text)
  const host = document.createElement('div')
  host.innerHTML = svg
  document.body.appendChild(host)
  const el = host.querySelector('svg')
  if (!el) return { error: 'Mermaid returned no <svg>' }
  const vb = el.viewBox.baseVal
  const width = Math.ceil(vb.width)
  const height = Math.ceil(vb.height)
  el.setAttribute('viewBox', `${vb.x} ${vb.y} ${width} ${height}`)
  el.setAttribute('width', String(width))
  el.setAttribute('height', String(height))
  el.removeAttribute('style')
  await document.fonts.ready

  const shapeTags = new Set(['rect', 'polygon', 'circle', 'ellipse', 'path'])
  const shapeOf = (t: Element): Element | null => {
    let g = t.parentElement
    while (g && (g as Element) !== el) {
      for (const c of Array.from(g.children)) {
        if (c.contains(t)) continue
        if (c.classList.contains('background')) continue
        if (!shapeTags.has(c.tagName) && !c.classList.contains('label-container')) continue
        const r = c.getBoundingClientRect()
        if (r.width > 0 && r.height > 0) return c
      }
      g = g.parentElement
    }
    return null
  }
  const beyond = (inner: DOMRect, outer: DOMRect): number =>
    Math.max(0, outer.left - inner.left, inner.right - outer.right, outer.top - inner.top, inner.bottom - outer.bottom)
  const measure = (font: string): Overflow[] => {
    const found: Overflow[] = []
    const frame = el.getBoundingClientRect()
    for (const t of Array.from(el.querySelectorAll('text'))) {
      const label = (t.textContent ?? '').trim()
      if (!label) continue
      const tb = t.getBoundingClientRect()
      const outside = beyond(tb, frame)
      if (outside > 0.5) found.push({ text: label, box: 'the picture', by: Math.round(outside * 10) / 10, font })
      // Edge labels and sequence messages float over lines; they have no box.
      if (t.closest('.edgeLabel') || t.classList.contains('messageText') || t.classList.contains('loopText')) continue
      const shape = shapeOf(t)
      if (!shape) continue
      const sb = shape.getBoundingClientRect()
      // A subgraph title sits on the top edge of its frame by design: only its width matters.
      const by = shape.parentElement?.classList.contains('cluster')
        ? Math.max(0, sb.left - tb.left, tb.right - sb.right)
        : beyond(tb, sb)
      if (by > 0.5) {
        found.push({ text: label, box: `${shape.tagName}.${shape.getAttribute('class') ?? ''}`, by: Math.round(by * 10) / 10, font })
      }
    }
    return found
  }
  const overflows = measure('as rendered')
  for (const check of args.checks) {
    const style = document.createElementNS('http://www.w3.org/2000/svg', 'style')
    style.textContent = `#${args.id} text, #${args.id} tspan { ${check.css} }`
    el.appendChild(style)
    overflows.push(...measure(check.label))
    style.remove()
  }
  // Drop icon <symbol>s no <use> points at (sequence diagrams ship ~14 KB of them).
  for (const sym of Array.from(el.querySelectorAll('symbol'))) {
    if (el.querySelector(`use[href="#${sym.id}"], use[*|href="#${sym.id}"]`)) continue
    const defs = sym.parentElement
    sym.remove()
    if (defs && defs.tagName === 'defs' && defs.children.length === 0) defs.remove()
  }
  const out = new XMLSerializer().serializeToString(el)
  host.remove()
  return { svg: out, width, height, overflows }
}

export class DiagramRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async start(): Promise<DiagramRenderer> {
    const browser = await startChromium()
    try {
      const page = await browser.newPage()
      // Nothing may come from the network: Mermaid is read from node_modules.
      await page.route('**/*', (route) => route.abort())
      return new DiagramRenderer(browser, page)
    } catch (e) {
      await browser.close()
      throw e
    }
  }

  async close(): Promise<void> {
    await this.browser.close()
  }

  /**
   * A blank page with a fresh Mermaid for every render: Mermaid keeps global
   * counters (e.g. sequence actor ids), so reusing a page would make a file's
   * bytes depend on what was rendered before it.
   */
  private async freshPage(): Promise<void> {
    await this.page.setContent('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body></body></html>')
    await this.page.addScriptTag({ path: MERMAID_JS })
  }

  /** One colour scheme; `render()` does both. */
  async renderTheme(src: DiagramSource, theme: ThemeName, checks: FontCheck[]): Promise<RenderedTheme> {
    await this.freshPage()
    const id = `diagram-${src.name.replace(/[^A-Za-z0-9_-]/g, '-')}`
    const result = await this.page.evaluate(renderInPage, {
      id,
      text: src.text,
      config: mermaidConfig(theme),
      checks,
    })
    if (result.error !== undefined) {
      const lines = src.text.split(/\r?\n/)
      const line = result.line !== undefined ? result.line + leadingLinesRemoved(src.text) : undefined
      const where = line !== undefined ? `${displayPath(src.file)}:${line}` : displayPath(src.file)
      const shown = line !== undefined && lines[line - 1] !== undefined ? `\n  ${line} | ${lines[line - 1]}` : ''
      throw new DiagramRenderError(`${where}: Mermaid syntax error: ${result.error.split('\n')[0]}${shown}\n${result.error}`)
    }
    return { svg: result.svg!, width: result.width!, height: result.height!, overflows: result.overflows! }
  }

  /** Renders both themes; `checks` defaults to the fallback fonts of config.ts. */
  async render(src: DiagramSource, checks: FontCheck[] = FONT_CHECKS): Promise<RenderedDiagram> {
    readAccessibility(src)
    const light = await this.renderTheme(src, 'light', checks)
    const dark = await this.renderTheme(src, 'dark', checks)
    return { name: src.name, light, dark }
  }
}

function formatOverflows(src: DiagramSource, overflows: Overflow[]): string {
  const seen = new Set<string>()
  const lines: string[] = []
  for (const o of overflows) {
    const key = `${o.text}|${o.box}|${o.font}`
    if (seen.has(key)) continue
    seen.add(key)
    lines.push(`  "${o.text}" sticks out of ${o.box} by ${o.by}px (${o.font})`)
  }
  return `${displayPath(src.file)}: labels would be clipped; shorten them, add <br/> line breaks or more padding:\n${lines.join('\n')}`
}

export interface RenderOptions {
  dir?: string
  /** Only these names (default: every .mmd in dir). */
  names?: string[]
  /** Report label overflow as a warning instead of an error. */
  allowOverflow?: boolean
  log?: (line: string) => void
}

/** Renders sources and writes SVGs and manifest; throws one error listing every failed file. */
export async function renderDiagrams(opts: RenderOptions = {}): Promise<RenderedDiagram[]> {
  const dir = opts.dir ?? IMAGE_DIR
  const log = opts.log ?? ((l: string) => console.log(l))
  const all = listSources(dir)
  const wanted = opts.names?.length ? all.filter((s) => opts.names!.includes(s.name)) : all
  for (const n of opts.names ?? []) {
    if (!all.some((s) => s.name === n)) throw new DiagramSourceError(`${displayPath(path.join(dir, `${n}.mmd`))}: no such diagram source`)
  }
  const manifest: Manifest = readManifest(dir)
  manifest.generator = `scripts/diagrams/render.ts v${RENDERER_VERSION}, mermaid ${MERMAID_VERSION}`
  const errors: string[] = []
  const done: RenderedDiagram[] = []
  const renderer = await DiagramRenderer.start()
  try {
    for (const src of wanted) {
      const started = Date.now()
      try {
        const acc = readAccessibility(src)
        const out = await renderer.render(src)
        const overflows = [...out.light.overflows, ...out.dark.overflows]
        if (overflows.length) {
          const msg = formatOverflows(src, overflows)
          if (opts.allowOverflow) log(`warning: ${msg}`)
          else {
            errors.push(msg)
            continue
          }
        }
        const lightFile = `${src.name}.svg`
        const darkFile = `${src.name}.dark.svg`
        writeFileSync(path.join(dir, lightFile), `${out.light.svg}\n`)
        writeFileSync(path.join(dir, darkFile), `${out.dark.svg}\n`)
        manifest.diagrams[src.name] = {
          hash: hashSource(src.text),
          title: acc.title,
          description: acc.description,
          width: out.light.width,
          height: out.light.height,
          light: lightFile,
          dark: darkFile,
        }
        done.push(out)
        log(`${displayPath(src.file)} → ${lightFile}, ${darkFile} (${out.light.width}×${out.light.height}, ${Date.now() - started} ms)`)
      } catch (e) {
        if (e instanceof DiagramRenderError || e instanceof DiagramSourceError) errors.push(e.message)
        else errors.push(`${displayPath(src.file)}: ${(e as Error).stack ?? String(e)}`)
      }
    }
  } finally {
    await renderer.close()
  }
  // Drop entries (and files) whose source is gone, when rendering everything.
  if (!opts.names?.length) {
    const names = new Set(all.map((s) => s.name))
    for (const [name, entry] of Object.entries(manifest.diagrams)) {
      if (names.has(name)) continue
      for (const f of [entry.light, entry.dark]) {
        const p = path.join(dir, f)
        if (existsSync(p)) unlinkSync(p)
      }
      delete manifest.diagrams[name]
      log(`removed ${name} (no ${name}.mmd)`)
    }
  }
  const text = serializeManifest(manifest)
  const file = manifestPath(dir)
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text)
  if (errors.length) throw new DiagramRenderError(errors.join('\n\n'))
  return done
}
