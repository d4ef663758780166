// The search box's synonym table, made from the glossary at build time: one
// row per entry, every form a reader may type for it (term, English name, API
// names, variants), normalized the way ./query.ts normalizes a query.
import type { GlossaryEntry } from '../data/glossary'
import { normalizeForm, type SynonymTable } from './query'

/** Every form of one entry, as written in the data. */
export function entryForms(entry: GlossaryEntry): string[] {
  return [entry.term, ...(entry.en ? [entry.en] : []), ...(entry.api ?? []), ...(entry.variants ?? [])]
}

export function synonymTable(entries: readonly GlossaryEntry[]): SynonymTable {
  return entries.map((e) => ({ link: e.link, forms: [...new Set(entryForms(e).map(normalizeForm).filter(Boolean))] }))
}
