// All benchmark results, keyed by id, and the helpers the components share.
import type { BenchCase, BenchResult } from './types'

const files = import.meta.glob<BenchResult>('./*.json', { eager: true, import: 'default' })

export const benchResults: Readonly<Record<string, BenchResult>> = Object.fromEntries(
  Object.entries(files).map(([p, r]) => [p.slice(p.lastIndexOf('/') + 1, -'.json'.length), r]),
)

export class BenchDataError extends Error {}

export function getBench(id: string): BenchResult {
  const r = benchResults[id]
  if (!r) throw new BenchDataError(`no benchmark data for id "${id}" (known: ${Object.keys(benchResults).join(', ') || 'none'}); run npm run bench`)
  return r
}

export function getCase(r: BenchResult, key: string): BenchCase {
  const c = r.cases.find((x) => x.key === key)
  if (!c) throw new BenchDataError(`benchmark "${r.id}" has no case "${key}" (cases: ${r.cases.map((x) => x.key).join(', ')})`)
  return c
}

/** median(slow) / median(fast). */
export function ratio(r: BenchResult, slow: string, fast: string): number {
  return getCase(r, slow).median / getCase(r, fast).median
}

/** A ratio with one decimal, e.g. 3.2; large ratios keep one decimal too (212.4). */
export function formatRatio(x: number): string {
  return x.toFixed(1)
}

/** A measured value with about three significant digits: 0.0123, 2.57, 48.1, 1234. */
export function formatValue(x: number): string {
  if (x >= 1000) return Math.round(x).toLocaleString('en-US')
  if (x >= 100) return x.toFixed(0)
  if (x >= 10) return x.toFixed(1)
  if (x >= 1) return x.toFixed(2)
  return x.toPrecision(3)
}

export function fastest(r: BenchResult): BenchCase {
  return r.cases.reduce((a, b) => (b.median < a.median ? b : a))
}
