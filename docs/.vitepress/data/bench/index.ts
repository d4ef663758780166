// Benchmark results by id, loaded on demand, and the helpers the components share.
// (All results at once, for tests and scripts: ./all.ts.)
import type { BenchCase, BenchResult } from './types'

export class BenchDataError extends Error {}

// One chunk per result file: pages load only the benchmark they chart.
const files = import.meta.glob<BenchResult>('./*.json', { import: 'default' })
const loaders = new Map(Object.entries(files).map(([p, load]) => [p.slice(2, -'.json'.length), load]))

export const benchIds: readonly string[] = [...loaders.keys()].sort()

export async function loadBench(id: string): Promise<BenchResult> {
  const load = loaders.get(id)
  if (!load) throw new BenchDataError(`no benchmark data for id "${id}" (known: ${benchIds.join(', ') || 'none'}); run npm run bench`)
  return load()
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
