// Benchmark results (docs/.vitepress/data/bench/*.json): their shape, and that
// every <BenchChart>/<BenchRatio> used in docs/ has data behind it.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { benchProblems, type BenchResult } from '../../docs/.vitepress/data/bench/types'
import { getBench } from '../../docs/.vitepress/data/bench/all'
import { formatRatio, formatValue, ratio } from '../../docs/.vitepress/data/bench/index'

const ROOT = path.resolve(__dirname, '../..')
const DATA = path.join(ROOT, 'docs/.vitepress/data/bench')

/** The ids and case keys the chapters rely on (see the task of scripts/bench/run.ts). */
const REQUIRED: Record<string, string[]> = {
  'string-concat': ['dotdot', 'table-concat'],
  'table-new': ['grow', 'table-new'],
  'ffi-vs-capi': ['capi-jit', 'ffi-jit', 'capi-interp', 'ffi-interp'],
  'cache-read': ['lrucache', 'shdict'],
}

const jsonFiles = fs.readdirSync(DATA).filter((f) => f.endsWith('.json')).sort()

describe('benchmark data files', () => {
  it('exist for every required benchmark', () => {
    expect(jsonFiles.map((f) => f.slice(0, -5))).toEqual(expect.arrayContaining(Object.keys(REQUIRED)))
  })

  for (const f of jsonFiles) {
    const id = f.slice(0, -5)
    it(`${f} has the BenchResult shape`, () => {
      const data: unknown = JSON.parse(fs.readFileSync(path.join(DATA, f), 'utf8'))
      expect(benchProblems(data, id)).toEqual([])
      const r = data as BenchResult
      if (REQUIRED[id]) expect(r.cases.map((c) => c.key)).toEqual(REQUIRED[id])
      for (const c of r.cases) {
        const s = [...c.samples].sort((a, b) => a - b)
        expect(c.min).toBe(s[0])
        expect(c.max).toBe(s[s.length - 1])
      }
      expect(r.command).toBe(`npm run bench -- ${id}`)
    })
  }

  it('are what getBench() serves', () => {
    for (const f of jsonFiles) {
      const id = f.slice(0, -5)
      expect(getBench(id)).toEqual(JSON.parse(fs.readFileSync(path.join(DATA, f), 'utf8')))
    }
    expect(() => getBench('no-such-bench')).toThrow(/no benchmark data for id "no-such-bench"/)
  })
})

describe('shape checker', () => {
  it('rejects broken results', () => {
    expect(benchProblems(null)).toEqual(['not an object'])
    const good = JSON.parse(fs.readFileSync(path.join(DATA, 'table-new.json'), 'utf8')) as BenchResult
    const bad = structuredClone(good)
    bad.cases[0]!.median = bad.cases[0]!.max * 2
    bad.env.date = 'yesterday'
    expect(benchProblems(bad, 'table-new')).toEqual([
      'cases[0]: expected min <= q1 <= median <= q3 <= max',
      'env.date: not a date',
    ])
    expect(benchProblems(good, 'other')[0]).toMatch(/^id: expected "other"/)
  })
})

describe('formatting', () => {
  it('ratios have one decimal', () => {
    expect(formatRatio(3.2449)).toBe('3.2')
    expect(formatRatio(206.45)).toBe('206.4')
  })
  it('values keep about three significant digits', () => {
    expect([formatValue(0.01234), formatValue(2.574), formatValue(48.12), formatValue(123.4), formatValue(67173.5)]).toEqual(['0.0123', '2.57', '48.1', '123', '67,174'])
  })
})

/** Every component usage in docs/**.md. */
function usages(): { file: string; tag: string; attrs: Record<string, string> }[] {
  const out: { file: string; tag: string; attrs: Record<string, string> }[] = []
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.md')) {
        const text = fs.readFileSync(p, 'utf8')
        for (const m of text.matchAll(/<(BenchChart|BenchRatio)\b([^>]*)\/?>/g)) {
          const attrs: Record<string, string> = {}
          for (const a of m[2]!.matchAll(/(\w+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!
          out.push({ file: path.relative(ROOT, p), tag: m[1]!, attrs })
        }
      }
    }
  }
  walk(path.join(ROOT, 'docs'))
  return out
}

describe('pages', () => {
  const used = usages()
  it.each(used.map((u) => [`${u.file}: <${u.tag} ${Object.entries(u.attrs).map(([k, v]) => `${k}="${v}"`).join(' ')} />`, u] as const))('%s has data', (_n, u) => {
    expect(u.attrs.id, 'id attribute').toBeTruthy()
    const r = getBench(u.attrs.id!)
    if (u.tag === 'BenchRatio') {
      expect(u.attrs.slow && u.attrs.fast, 'slow and fast attributes').toBeTruthy()
      expect(ratio(r, u.attrs.slow!, u.attrs.fast!)).toBeGreaterThan(0)
    }
  })
})
