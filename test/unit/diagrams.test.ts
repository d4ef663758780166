// Diagrams: every docs/image/*.mmd has a current light/dark SVG pair (no
// browser needed), every <Diagram> used in docs/ exists, and (in Chromium)
// a syntax error is reported with file and line and no label is clipped.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMAGE_DIR } from '../../scripts/diagrams/config'
import { DiagramRenderer, DiagramRenderError, FONT_CHECKS, leadingLinesRemoved, renderDiagrams } from '../../scripts/diagrams/render'
import { findStaleDiagrams, hashSource, listSources, readAccessibility, readManifest } from '../../scripts/diagrams/source'
import { browserUnavailable } from '../support/browser'
import { DOCS } from '../support/paths'

const sources = listSources()
const manifest = readManifest()

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'public') return []
    const p = path.join(dir, e.name)
    return e.isDirectory() ? markdownFiles(p) : e.name.endsWith('.md') ? [p] : []
  })
}

describe('diagram sources and rendered SVGs', () => {
  it('has the five diagrams the chapters use', () => {
    expect(sources.map((s) => s.name)).toEqual(
      expect.arrayContaining(['ffi-memory', 'luajit-pipeline', 'mlcache', 'non-blocking', 'test-nginx-run']),
    )
  })

  it('every .mmd has an up-to-date SVG pair (npm run diagrams:check)', () => {
    expect(findStaleDiagrams(), 'run `npm run diagrams` and commit docs/image/').toEqual([])
  })

  it.each(sources.map((s) => [s.name, s] as const))('%s: accessible title and description, SVG text labels only', (name, src) => {
    const acc = readAccessibility(src)
    const entry = manifest.diagrams[name]!
    expect(entry.title).toBe(acc.title)
    expect(entry.description).toBe(acc.description)
    expect(entry.width).toBeGreaterThan(0)
    expect(entry.height).toBeGreaterThan(0)
    for (const file of [entry.light, entry.dark]) {
      const svg = readFileSync(path.join(IMAGE_DIR, file), 'utf8')
      expect(svg.startsWith('<svg'), file).toBe(true)
      expect(svg, file).toContain('xmlns="http://www.w3.org/2000/svg"')
      expect(svg, `${file} must use SVG <text>, not HTML labels`).not.toContain('<foreignObject')
      expect(svg, file).toMatch(/<text[\s>]/)
      expect(svg, file).toContain(`width="${entry.width}"`)
      expect(svg, file).toContain(`<title id="chart-title-`)
      expect(svg, file).toContain('Noto Sans CJK SC')
      // No scripts, no external references: the file stands alone.
      expect(svg, file).not.toMatch(/<script|href="http|@import/)
    }
  })

  it('light and dark files differ only in colours', () => {
    for (const [name, entry] of Object.entries(manifest.diagrams)) {
      const light = readFileSync(path.join(IMAGE_DIR, entry.light), 'utf8')
      const dark = readFileSync(path.join(IMAGE_DIR, entry.dark), 'utf8')
      expect(light, name).not.toBe(dark)
      const shape = (s: string) => s.replace(/<style>[\s\S]*?<\/style>/, '').replace(/#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)|hsla?\([^)]*\)/g, 'C')
      expect(shape(light), `${name}: same layout in both themes`).toBe(shape(dark))
    }
  })

  it('every <Diagram name> in docs/ has a source', () => {
    const names = new Set(sources.map((s) => s.name))
    const missing: string[] = []
    for (const file of markdownFiles(DOCS)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/<Diagram\s+name="([^"]+)"/g)) {
        if (!names.has(m[1]!)) missing.push(`${path.relative(DOCS, file)}: ${m[1]}`)
      }
    }
    expect(missing).toEqual([])
  })
})

describe('staleness check (no browser)', () => {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'diagrams-stale-'))
    cpSync(IMAGE_DIR, dir, { recursive: true })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('a copy of docs/image is current', () => {
    expect(findStaleDiagrams(dir)).toEqual([])
  })

  it('names the .mmd whose source changed after rendering', () => {
    const file = path.join(dir, 'mlcache.mmd')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n  %% edited\n`)
    const problems = findStaleDiagrams(dir)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(`${file}: changed since mlcache.svg was rendered`)
    expect(problems[0]).toContain('npm run diagrams')
  })

  it('names a new .mmd that was never rendered, and a missing SVG', () => {
    writeFileSync(path.join(dir, 'fresh.mmd'), 'flowchart LR\n  accTitle: t\n  accDescr: d\n  a --> b\n')
    rmSync(path.join(dir, 'ffi-memory.dark.svg'))
    const problems = findStaleDiagrams(dir).join('\n')
    expect(problems).toContain(`${path.join(dir, 'fresh.mmd')}: never rendered`)
    expect(problems).toContain('ffi-memory.dark.svg is missing')
  })

  it('the hash covers source text but not line endings', () => {
    expect(hashSource('a\nb')).toBe(hashSource('a\r\nb'))
    expect(hashSource('a\nb')).not.toBe(hashSource('a\nc'))
  })

  it('reads block and one-line accDescr; requires accTitle', () => {
    const src = (text: string) => ({ name: 'x', file: path.join(dir, 'x.mmd'), text })
    expect(readAccessibility(src('flowchart LR\n accTitle: T\n accDescr {\n  第一行\n  第二行\n }\n a-->b'))).toEqual({ title: 'T', description: '第一行第二行' })
    expect(readAccessibility(src('flowchart LR\n accTitle: T\n accDescr: D\n'))).toEqual({ title: 'T', description: 'D' })
    expect(() => readAccessibility(src('flowchart LR\n accDescr: D\n'))).toThrow(/x\.mmd:1: no "accTitle/)
  })

  it('maps lines past a front-matter block', () => {
    expect(leadingLinesRemoved('---\ntitle: x\n---\nflowchart LR\n')).toBe(3)
    expect(leadingLinesRemoved('flowchart LR\n')).toBe(0)
  })
})

describe.skipIf(browserUnavailable())('rendering in Chromium', () => {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'diagrams-render-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reports a Mermaid syntax error with the .mmd file and line', async () => {
    writeFileSync(path.join(dir, 'broken.mmd'), 'flowchart TD\n  accTitle: 坏图\n  accDescr: 第 5 行有语法错误\n  a["开始"] --> b\n  b --> --> c\n')
    const err = await renderDiagrams({ dir, log: () => {} }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DiagramRenderError)
    const message = (err as Error).message
    expect(message).toContain(`${path.join(dir, 'broken.mmd')}:5: Mermaid syntax error`)
    expect(message).toContain('5 |   b --> --> c')
  }, 60_000)

  it('renders a good source, and a sequence diagram error is mapped too', async () => {
    rmSync(path.join(dir, 'broken.mmd'))
    writeFileSync(path.join(dir, 'ok.mmd'), 'flowchart LR\n  accTitle: 好图\n  accDescr: 两个节点\n  a["中文 label"] --> b["lua-resty-core"]\n')
    writeFileSync(path.join(dir, 'seq.mmd'), 'sequenceDiagram\n  accTitle: 序列\n  accDescr: 第 4 行错\n  A->>B: 好\n  A-->>: 坏\n')
    const err = await renderDiagrams({ dir, log: () => {} }).catch((e: unknown) => e)
    expect((err as Error).message).toContain(`${path.join(dir, 'seq.mmd')}:5: Mermaid syntax error`)
    // The good one was still written.
    const m = readManifest(dir)
    expect(Object.keys(m.diagrams)).toEqual(['ok'])
    expect(findStaleDiagrams(dir).join('\n')).toContain('seq.mmd: never rendered')
  }, 60_000)

  describe('the committed diagrams', () => {
    let renderer: DiagramRenderer
    beforeAll(async () => {
      renderer = await DiagramRenderer.start()
    }, 60_000)
    afterAll(async () => {
      await renderer?.close()
    })

    it.each(sources.map((s) => [s.name, s] as const))('%s: no label clipped with the CJK font or wider fallbacks', async (_name, src) => {
      // Light only: the dark file has the same layout (checked above).
      const out = await renderer.renderTheme(src, 'light', FONT_CHECKS)
      expect(out.overflows).toEqual([])
      expect(out.width).toBe(manifest.diagrams[src.name]!.width)
    }, 60_000)

    it('the clipping check does catch a font much larger than the layout assumed', async () => {
      const src = sources.find((s) => s.name === 'test-nginx-run')!
      const out = await renderer.renderTheme(src, 'light', [{ label: 'font-size 26px', css: 'font-size: 26px !important;' }])
      expect(out.overflows.length).toBeGreaterThan(0)
      expect(out.overflows[0]!.font).toBe('font-size 26px')
    }, 60_000)
  })
})
