// Search configurations compared by `npm run search:measure`. Only `bigram-and`
// ships (docs/.vitepress/search/); the others are here to show why.
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch'
import { miniSearchSearchOptions, tokenize, type SectionDoc } from '../../docs/.vitepress/search'
import { siteSearch, type SynonymTable } from '../../docs/.vitepress/search/query'
import { synonymTable } from '../../docs/.vitepress/search/synonyms'
import { GLOSSARY } from '../../docs/.vitepress/data/glossary'

const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+/gu
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/** Chinese runs cut into words by ICU (Intl.Segmenter), Latin as in `tokenize`. */
export function segmenterTokenize(text: string): string[] {
  if (!text) return []
  const source = text.normalize('NFKC').toLowerCase()
  const out = tokenize(source.replace(CJK_RUN, ' '))
  for (const run of source.match(CJK_RUN) ?? []) {
    for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(s.segment)
  }
  return out
}

/** ICU words and bigrams together. */
export function segmenterBigramTokenize(text: string): string[] {
  if (!text) return []
  const words = segmenterTokenize(text).filter((t) => /\p{sc=Han}/u.test(t) && Array.from(t).length > 2)
  return [...tokenize(text), ...words]
}

/** VitePress's defaults (VPLocalSearchBox.vue) before any site option. */
const VITEPRESS_DEFAULTS: SearchOptions = { fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 } }

export interface Variant {
  name: string
  description: string
  /** `tokenize` as a standalone function source, for the browser timing. */
  tokenize?: (text: string) => string[]
  searchOptions: SearchOptions
  /** How the search box asks the index; `index.search(text)` if absent. */
  search?: (index: MiniSearch<SectionDoc>, text: string) => SearchResult[]
  /** The synonym table `search` uses, for the browser timing. */
  synonyms?: SynonymTable
  shipped?: boolean
}

const SYNONYMS = synonymTable(GLOSSARY)

export const VARIANTS: Variant[] = [
  {
    name: 'default',
    description: 'VitePress 1.6 defaults: MiniSearch tokenizer (splits on spaces and punctuation), OR',
    searchOptions: { ...VITEPRESS_DEFAULTS },
  },
  {
    name: 'bigram-or',
    description: 'our tokenizer, VitePress search options (OR)',
    tokenize,
    searchOptions: { ...VITEPRESS_DEFAULTS },
  },
  {
    name: 'bigram-and',
    description: 'our tokenizer and search options (AND, boosts), the query as typed',
    tokenize,
    searchOptions: { ...VITEPRESS_DEFAULTS, ...miniSearchSearchOptions },
  },
  {
    name: 'bigram-and+glossary',
    description: 'bigram-and, the query expanded with the glossary, question words dropped, ranked partial matches: what ships',
    tokenize,
    searchOptions: { ...VITEPRESS_DEFAULTS, ...miniSearchSearchOptions },
    search: (index, text) => siteSearch(index, SYNONYMS, text),
    synonyms: SYNONYMS,
    shipped: true,
  },
  {
    name: 'segmenter-and',
    description: 'Intl.Segmenter("zh") words for Chinese, our Latin rules, AND',
    tokenize: segmenterTokenize,
    searchOptions: { ...VITEPRESS_DEFAULTS, ...miniSearchSearchOptions },
  },
  {
    name: 'segmenter+bigram-and',
    description: 'bigrams plus Intl.Segmenter words longer than two characters, AND',
    tokenize: segmenterBigramTokenize,
    searchOptions: { ...VITEPRESS_DEFAULTS, ...miniSearchSearchOptions },
  },
]

export function optionsFor(v: Variant): Options<SectionDoc> {
  return {
    fields: ['title', 'titles', 'text'],
    storeFields: ['title', 'titles'],
    searchOptions: v.searchOptions,
    ...(v.tokenize ? { tokenize: v.tokenize } : {}),
  }
}

export function buildIndex(v: Variant, docs: SectionDoc[]): MiniSearch<SectionDoc> {
  const index = new MiniSearch<SectionDoc>(optionsFor(v))
  index.addAll(docs)
  return index
}
