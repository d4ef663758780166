// Every benchmark result at once, for tests and build scripts. Pages load
// results one at a time through loadBench() in ./index.ts instead.
import { BenchDataError } from './index'
import type { BenchResult } from './types'

const files = import.meta.glob<BenchResult>('./*.json', { eager: true, import: 'default' })

export const benchResults: Readonly<Record<string, BenchResult>> = Object.fromEntries(
  Object.entries(files).map(([p, r]) => [p.slice(p.lastIndexOf('/') + 1, -'.json'.length), r]),
)

export function getBench(id: string): BenchResult {
  const r = benchResults[id]
  if (!r) throw new BenchDataError(`no benchmark data for id "${id}" (known: ${Object.keys(benchResults).join(', ') || 'none'}); run npm run bench`)
  return r
}
