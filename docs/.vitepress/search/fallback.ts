// Browser-side fallback for AND queries that find nothing.
//
// The search options combine a query's terms with AND (see ./index.ts). When
// that finds nothing, the reader is better served by partial matches than by
// an empty list, but MiniSearch has no such option and VitePress's search box
// calls `index.search(text)` itself. This module wraps `search()`:
// - several words (`协程 调度器`): OR across the words, AND within each word,
//   so each result still contains at least one whole word;
// - one word of three or more terms (`协程调度器`, whose bigrams are not all on
//   one page): OR across its terms, keeping results that match at least half;
// - otherwise (one short word that is nowhere): still nothing.
// Results that match more terms rank first (MiniSearch multiplies the score
// by the number of query terms matched).
//
// The search box uses it through ./query.ts (`siteSearch`), which first
// expands the query with the glossary's synonyms; `withAndFallback` and
// `installAndFallback` add the fallback alone to an index or a class.
import type MiniSearch from 'minisearch'
import type { Query, SearchOptions, SearchResult } from 'minisearch'

type Search = (query: Query, options?: SearchOptions) => SearchResult[]

interface WithOptions {
  _options: {
    tokenize: (text: string, fieldName?: string) => string[]
    processTerm: (term: string, fieldName?: string) => string | string[] | null | undefined | false
    searchOptions: SearchOptions
  }
}

const MARK = Symbol.for('openresty-notes.search.andFallback')

export function searchWithFallback(index: MiniSearch, search: Search, query: Query, options: SearchOptions = {}): SearchResult[] {
  const results = search(query, options)
  if (results.length > 0 || typeof query !== 'string') return results
  const own = (index as unknown as WithOptions)._options
  const combineWith = options.combineWith ?? own.searchOptions.combineWith ?? 'OR'
  if (combineWith.toUpperCase() !== 'AND') return results

  const words = query.trim().split(/\s+/).filter(Boolean)
  if (words.length > 1) {
    return search({ combineWith: 'OR', queries: words.map((w) => ({ combineWith: 'AND', queries: [w] })) }, options)
  }
  return partialWord(index, search, query, options)
}

/**
 * One word of three or more terms that AND did not find: OR across its terms,
 * keeping the sections that match at least half of them.
 */
export function partialWord(index: MiniSearch, search: Search, word: string, options: SearchOptions = {}): SearchResult[] {
  const own = (index as unknown as WithOptions)._options
  const tokenize = options.tokenize ?? own.searchOptions.tokenize ?? own.tokenize
  const processTerm = options.processTerm ?? own.searchOptions.processTerm ?? own.processTerm
  const terms = tokenize(word).flatMap((t) => processTerm(t) || []).filter(Boolean)
  if (terms.length < 3) return []
  const need = Math.ceil(terms.length / 2)
  const filter = options.filter ?? own.searchOptions.filter
  return search(word, {
    ...options,
    combineWith: 'OR',
    filter: (r) => r.queryTerms.length >= need && (!filter || filter(r)),
  })
}

/** Adds the fallback to one index. */
export function withAndFallback<T extends MiniSearch>(index: T): T {
  const original = index.search.bind(index) as Search
  ;(index as { search: Search }).search = (query, options) => searchWithFallback(index, original, query, options)
  return index
}

/** Adds the fallback to every index of this MiniSearch class (idempotent). */
export function installAndFallback(MiniSearchClass: { prototype: object }): void {
  const proto = MiniSearchClass.prototype as unknown as { search: Search; [MARK]?: true }
  if (proto[MARK]) return
  const original = proto.search
  proto.search = function (this: MiniSearch, query: Query, options?: SearchOptions) {
    return searchWithFallback(this, original.bind(this) as Search, query, options)
  }
  proto[MARK] = true
}
