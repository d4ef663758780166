// Per-page counts of how the samples are tested, for `npm run examples:report`
// and the coverage test.
import type { Extracted } from './extract.ts'

export interface PageCounts {
  file: string
  run: number
  check: number
  fragment: number
  /** Marker errors (unmarked fences, bad markers). */
  errors: number
}

export function countByPage(x: Extracted): PageCounts[] {
  const pages = new Map<string, PageCounts>()
  const get = (file: string): PageCounts => {
    let p = pages.get(file)
    if (!p) pages.set(file, (p = { file, run: 0, check: 0, fragment: 0, errors: 0 }))
    return p
  }
  for (const s of x.samples) {
    const p = get(s.file)
    if (s.marker === 'run' || s.marker === 'run-nginx') p.run++
    else if (s.marker === 'check') p.check++
    else p.fragment++
  }
  for (const e of x.errors) get(e.file).errors++
  return [...pages.values()].sort((a, b) => a.file.localeCompare(b.file))
}

export function totals(pages: PageCounts[]): PageCounts {
  const t: PageCounts = { file: 'total', run: 0, check: 0, fragment: 0, errors: 0 }
  for (const p of pages) { t.run += p.run; t.check += p.check; t.fragment += p.fragment; t.errors += p.errors }
  return t
}

/** Share of samples that are really run (run + run-nginx + run GET): 0..1; 1 when there are none. */
export function runShare(t: PageCounts): number {
  const n = t.run + t.check + t.fragment + t.errors
  return n === 0 ? 1 : t.run / n
}

/** Counts per chapter: the first folder under docs/ (luajit, test-nginx, performance, …). */
export function countByChapter(pages: PageCounts[]): PageCounts[] {
  const groups = new Map<string, PageCounts[]>()
  for (const p of pages) {
    const parts = p.file.split('/')
    const ch = parts.length > 2 ? `${parts[0]}/${parts[1]}/` : p.file
    groups.set(ch, [...(groups.get(ch) ?? []), p])
  }
  return [...groups.entries()].map(([file, ps]) => ({ ...totals(ps), file }))
}

export function formatReport(pages: PageCounts[]): string {
  return `${formatTable(pages)}\n\nby chapter:\n${formatTable(countByChapter(pages))}`
}

function formatTable(pages: PageCounts[]): string {
  const rows = [...pages, totals(pages)]
  const w = Math.max(...rows.map((r) => r.file.length), 4)
  const head = `${'page'.padEnd(w)}  run  check  fragment  unmarked/bad`
  const lines = rows.map((r) => `${r.file.padEnd(w)}  ${String(r.run).padStart(3)}  ${String(r.check).padStart(5)}  ${String(r.fragment).padStart(8)}  ${String(r.errors).padStart(12)}`)
  const t = totals(pages)
  return [head, ...lines, `run share: ${(runShare(t) * 100).toFixed(1)}% of ${t.run + t.check + t.fragment + t.errors} samples`].join('\n')
}

/** What each build runs: the run and check samples of every chapter, or none when the build is missing. */
export interface StackCounts {
  id: string
  label: string
  /** False when the build is not installed: nothing runs on it. */
  present: boolean
  chapters: { file: string; run: number; check: number }[]
}

export function countByStack(pages: PageCounts[], builds: { id: string; label: string; present: boolean }[]): StackCounts[] {
  const chapters = countByChapter(pages)
  return builds.map((b) => ({
    ...b,
    chapters: [...chapters, totals(pages)].map((c) => ({ file: c.file, run: b.present ? c.run : 0, check: b.present ? c.check : 0 })),
  }))
}

export function formatStackCounts(stacks: StackCounts[]): string {
  const files = stacks[0]?.chapters.map((c) => c.file) ?? []
  const w = Math.max(...files.map((f) => f.length), 7)
  const head = `${'chapter'.padEnd(w)}${stacks.map((s) => `  ${`${s.id} run`.padStart(14)}  ${`${s.id} check`.padStart(16)}`).join('')}`
  const rows = files.map((f, k) => `${f.padEnd(w)}${stacks.map((s) => `  ${String(s.chapters[k]!.run).padStart(14)}  ${String(s.chapters[k]!.check).padStart(16)}`).join('')}`)
  return [head, ...rows].join('\n')
}
