// Options of VitePress's local search (MiniSearch) for a Chinese site.
//
// VitePress passes `miniSearch.options` to `new MiniSearch()` when it builds the
// index and again, serialized, to `MiniSearch.loadJSON()` in the browser;
// `miniSearch.searchOptions` only reach the browser, where they are merged over
// VitePress's own defaults (`fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2,
// titles: 1 }`). Every function here is serialized with `toString()`, so each
// one must be self-contained (see ./tokenize.ts).
import type { DefaultTheme } from 'vitepress'
import type { Options, SearchOptions } from 'minisearch'
import { tokenize } from './tokenize'

export { tokenize }
export { renderForSearch } from './render'

/** The fields VitePress indexes for each section of a page. */
export interface SectionDoc {
  id: string
  title: string
  titles: string[]
  text?: string
}

/** A section's own heading, the headings above it, its body. */
export const SEARCH_FIELDS = ['title', 'titles', 'text'] as const

/**
 * Ranking: a match in the section's own heading counts twice a match in its
 * body, which counts twice a match in the headings above it. These are
 * VitePress's defaults; on the golden queries (test/site/search-golden.ts) no
 * other weighting of title 2–8, titles 0.5–3, text 1–2 put more of them in the
 * top 3, and the mean reciprocal rank moved by less than 0.01.
 */
export const SEARCH_BOOST = { title: 4, text: 2, titles: 1 } as const

/**
 * The reference list (the `参考资料` page and each chapter's `#references`
 * section) names every topic without explaining it; it should not outrank the
 * section that does. Nor should the glossary, whose one-line entries are
 * titled with the very term searched for: they stay in the list, below the
 * sections that teach.
 */
export function boostDocument(id: string): number {
  if (/\/glossary(?:#|$)/.test(id)) return 0.1
  return /\/references(?:#|$)|#references$/.test(id) ? 0.4 : 1
}

/**
 * Prefix matching, for the word being typed. A query identifier comes with its
 * pieces (`lua-resty-ml` gives `lua-resty-ml`, `resty-ml`, `lua`, `resty`,
 * `ml`); under AND the whole term already requires them, so a leading piece
 * (`lua`, `resty`) needs no prefix walk (the costly part of such a query),
 * while the last piece (`ml`, still being typed) and the trailing
 * sub-identifiers keep it.
 */
export function prefixTerm(term: string, _i: number, terms: string[]): boolean {
  for (const other of terms) {
    if (other.length > term.length && /[._:-]/.test(other)) {
      const parts = other.split(/[._:-]+/)
      const at = parts.indexOf(term)
      if (at !== -1 && at < parts.length - 1) return false
    }
  }
  return true
}

/**
 * Typo tolerance (one edit) only for plain Latin words of five letters or more
 * that are not a piece of an identifier in the same query. A Chinese bigram has
 * no useful near miss. Fuzzy matching walks the whole index tree, which here
 * holds thousands of bigrams: VitePress's default (`fuzzy: 0.2`, up to 4 edits
 * for an 18-letter term) made single queries take tens of milliseconds
 * (`npm run search:measure`).
 */
export function fuzzyTerm(term: string, _i: number, terms: string[]): number | false {
  if (!/^[a-z]{5,}$/.test(term)) return false
  for (const other of terms) if (other !== term && /[._:-]/.test(other) && other.indexOf(term) !== -1) return false
  return 1
}

/** Options for building the index and loading it in the browser. */
export const miniSearchOptions: Pick<Options, 'tokenize'> = {
  tokenize,
}

/**
 * Options for queries in the browser. A query is cut into terms by the same
 * tokenizer; `AND` requires every term, so a Chinese word matches only where
 * all of its bigrams occur, and two words need not be adjacent.
 */
export const miniSearchSearchOptions: SearchOptions = {
  combineWith: 'AND',
  prefix: prefixTerm,
  fuzzy: fuzzyTerm,
  boost: { ...SEARCH_BOOST },
  boostDocument,
}

/** The `themeConfig.search.options` fields this module owns. */
export const localSearchMiniSearch: NonNullable<DefaultTheme.LocalSearchOptions['miniSearch']> = {
  options: miniSearchOptions,
  searchOptions: miniSearchSearchOptions,
}

/**
 * The options the browser passes to `MiniSearch.loadJSON()`, assembled the way
 * VitePress 1.6's VPLocalSearchBox.vue does it, for tests and measurements in
 * Node.
 */
export function clientLoadOptions(
  miniSearch: DefaultTheme.LocalSearchOptions['miniSearch'] = localSearchMiniSearch,
): Options<SectionDoc> {
  return {
    fields: [...SEARCH_FIELDS],
    storeFields: ['title', 'titles'],
    searchOptions: {
      fuzzy: 0.2,
      prefix: true,
      boost: { title: 4, text: 2, titles: 1 },
      ...miniSearch?.searchOptions,
    },
    ...miniSearch?.options,
  }
}
