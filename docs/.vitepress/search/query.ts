// From what the reader typed to what the index is asked (browser and Node).
//
// The tokenizer (./tokenize.ts) and the AND of all terms make a word match
// only where all of it stands. Readers, though, type questions (火焰图怎么看),
// use a synonym or the other language (垃圾收集 for 垃圾回收, GC), or a spelling
// the pages do not use (内存泄露). This module:
// 1. cuts the query into groups: the longest glossary form at each place
//    (any term, English name, API name or variant of an entry, see
//    ../data/glossary.ts), and the words between them, from which question
//    words and particles (如何, 怎么, 的, 吗, 有什么区别…) are dropped;
// 2. asks the index for every group (AND), each group being any of its
//    entry's forms (OR), the reader's own form keeping prefix and fuzzy
//    matching;
// 3. when that finds nothing, ranks partial matches (./fallback.ts): OR across
//    the groups, or at least half of the bigrams of one long word;
// 4. tells the search box which whole words to highlight.
//
// The synonym table comes from the glossary at build time (./synonyms.ts);
// the search box loads this module with the table in its own lazy chunk
// (plugins/site-search.ts), so nothing here reaches a page until the search
// box opens.
import type MiniSearch from 'minisearch'
import type { Query, SearchOptions, SearchResult } from 'minisearch'
import { partialWord } from './fallback'
import { tokenize } from './tokenize'

/** One row per glossary entry: the section that teaches it, and its forms, normalized (see `normalizeForm`). */
export interface SynonymRow {
  /** Clean link without the base, e.g. `/performance/#avoid-garbage`. */
  link: string
  forms: string[]
}
export type SynonymTable = SynonymRow[]

/**
 * How much more a section counts when the glossary says it teaches a term of
 * the query: the section the reader should land on, not the one that happens
 * to repeat the word most.
 */
export const TEACHING_BOOST = 3
/** A synonym the reader did not type counts less than the words they did type. */
export const SYNONYM_WEIGHT = 0.5

export interface QueryGroup {
  /** The form as it stands in the query (normalized). */
  typed: string
  /** Forms to look for, the typed one first. */
  forms: string[]
  /** Index of the glossary entry, if the group is a glossary form. */
  entry?: number
}

export interface QueryPlan {
  groups: QueryGroup[]
  /** Question words and particles that were dropped. */
  dropped: string[]
}

const CJK_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u
const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+/gu
/** A character that continues a Latin identifier (`ngx.shared.dict`, `get_stale`, `-jv`). */
const ID_CHAR = /[\p{L}\p{N}\p{M}_.:-]/u
const LATIN_WORD = /(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}\p{M}_.:-])+/gu
const WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}\p{M}_.:-])+/gu

/**
 * Question words and phrases that name no topic. Longer ones first: they are
 * cut out of a Chinese run wherever they stand.
 */
const QUESTION_WORDS = [
  '有什么区别', '有什么不同', '是什么意思', '有哪些', '是什么', '什么是', '为什么', '怎么样', '怎么办', '怎么', '怎样', '如何',
  '什么', '是否', '能否', '能不能', '可不可以', '可以', '不能', '是多少', '多少', '哪些', '哪个', '为何', '区别', '不同', '请问', '到底', '一下', '的话',
]
/** Particles and small words, dropped only at either end of a Chinese run (目的, 用户 keep theirs). */
const PARTICLES = ['的', '吗', '呢', '吧', '啊', '了', '和', '与', '及', '或', '跟', '是', '在', '用', '把', '对', '要', '会', '能', '该', '里', '中', '看']

const isCjk = (c: string | undefined): boolean => c !== undefined && CJK_CHAR.test(c)
const isIdChar = (c: string | undefined): boolean => c !== undefined && !isCjk(c) && ID_CHAR.test(c)

/**
 * Lowercased NFKC, single spaces, and no space between Chinese and Latin
 * (`清空 table` and `清空table` are the same form); spaces between two Chinese
 * or two Latin words stay, they separate words. `spaced[i]` tells whether the
 * reader typed a space before `text[i]`.
 */
function normalize(input: string): { text: string; spaced: boolean[] } {
  const chars = Array.from(input.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim())
  let text = ''
  const spaced: boolean[] = []
  let pendingSpace = false
  chars.forEach((c, i) => {
    if (c === ' ') {
      // Kept only between two Chinese or two non-Chinese characters.
      if (isCjk(chars[i - 1]) === isCjk(chars[i + 1])) {
        text += c
        spaced.push(false)
      } else pendingSpace = true
      return
    }
    for (let k = 0; k < c.length; k++) spaced.push(k === 0 && (pendingSpace || chars[i - 1] === ' '))
    text += c
    pendingSpace = false
  })
  return { text, spaced }
}

export function normalizeForm(text: string): string {
  return normalize(text).text
}

interface FormIndex {
  /** Forms by first character, longest first. */
  byFirst: Map<string, { form: string; entry: number }[]>
}

const formIndexes = new WeakMap<SynonymTable, FormIndex>()

function formIndex(table: SynonymTable): FormIndex {
  let index = formIndexes.get(table)
  if (index) return index
  const byFirst = new Map<string, { form: string; entry: number }[]>()
  table.forEach(({ forms }, entry) => {
    for (const form of forms) {
      const first = form[0]
      if (first === undefined) continue
      let list = byFirst.get(first)
      if (!list) byFirst.set(first, (list = []))
      list.push({ form, entry })
    }
  })
  for (const list of byFirst.values()) list.sort((a, b) => b.form.length - a.form.length)
  index = { byFirst }
  formIndexes.set(table, index)
  return index
}

/** The longest glossary form at `at`; a Latin end must not cut an identifier. */
function formAt(q: string, at: number, index: FormIndex): { form: string; entry: number } | undefined {
  const candidates = index.byFirst.get(q[at]!)
  if (!candidates) return undefined
  for (const c of candidates) {
    if (!q.startsWith(c.form, at)) continue
    const end = at + c.form.length
    if (isIdChar(c.form[0]) && isIdChar(q[at - 1])) continue
    if (isIdChar(c.form[c.form.length - 1]) && isIdChar(q[end])) continue
    return c
  }
  return undefined
}

/** Cuts question words out of a Chinese run and strips particles from the ends of each piece. */
function dropQuestionWords(run: string, dropped: string[]): string[] {
  const pieces: string[] = []
  let rest = run
  let current = ''
  while (rest.length > 0) {
    const q = QUESTION_WORDS.find((w) => rest.startsWith(w))
    if (q) {
      dropped.push(q)
      pieces.push(current)
      current = ''
      rest = rest.slice(q.length)
    } else {
      current += rest[0]
      rest = rest.slice(1)
    }
  }
  pieces.push(current)
  const out: string[] = []
  for (let piece of pieces) {
    let changed = true
    while (changed && piece.length > 0) {
      changed = false
      for (const p of PARTICLES) {
        if (piece.startsWith(p)) {
          dropped.push(p)
          piece = piece.slice(p.length)
          changed = true
        }
        if (piece.endsWith(p) && piece.length > 0) {
          dropped.push(p)
          piece = piece.slice(0, piece.length - p.length)
          changed = true
        }
      }
    }
    if (piece) out.push(piece)
  }
  return out
}

/** Splits a query into glossary forms and plain words, without question words. */
export function planQuery(text: string, table: SynonymTable): QueryPlan {
  const { text: q, spaced } = normalize(text)
  const index = formIndex(table)
  const dropped: string[] = []
  const groups: (QueryGroup & { standsAlone?: boolean })[] = []
  let pending = ''
  let pendingStart = 0

  const flush = () => {
    if (pending.trim() === '') return
    for (const m of pending.matchAll(WORD)) {
      const word = m[0]
      if (!isCjk(word[0])) {
        groups.push({ typed: word, forms: [word] })
        continue
      }
      // A one-character word the reader typed between spaces is meant; one
      // left over from cutting a question (火焰图怎么*看*) is not.
      const start = pendingStart + m.index!
      const end = start + word.length
      const alone = (start === 0 || spaced[start] === true || q[start - 1] === ' ') && (end === q.length || spaced[end] === true || q[end] === ' ')
      for (const piece of dropQuestionWords(word, dropped)) {
        groups.push({ typed: piece, forms: [piece], standsAlone: alone && piece === word })
      }
    }
    pending = ''
  }

  let i = 0
  while (i < q.length) {
    const hit = formAt(q, i, index)
    if (hit) {
      flush()
      const forms = [hit.form, ...table[hit.entry]!.forms.filter((f) => f !== hit.form)]
      groups.push({ typed: hit.form, forms, entry: hit.entry })
      i += hit.form.length
      pendingStart = i
      continue
    }
    if (pending === '') pendingStart = i
    pending += q[i]
    i++
  }
  flush()

  // One Chinese character on its own matches almost nothing in a bigram index;
  // keep it only if the reader typed it as a word, or if it is all there is.
  let kept = groups.filter((g) => g.entry !== undefined || !(Array.from(g.typed).length === 1 && isCjk(g.typed) && !g.standsAlone))
  if (kept.length === 0) kept = groups
  // The same group twice (如何清空表，表清空) is asked once.
  const seen = new Set<string>()
  const unique = kept.filter((g) => {
    const key = g.entry !== undefined ? `#${g.entry}` : g.typed
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  // Nothing but question words: search for what was typed.
  if (unique.length === 0 && q !== '') return { groups: [{ typed: q, forms: [q] }], dropped: [] }
  return { groups: unique.map(({ typed, forms, entry }) => (entry === undefined ? { typed, forms } : { typed, forms, entry })), dropped }
}

/** A group as a MiniSearch query: any of its forms, each form whole (AND of its terms). */
function groupQuery(group: QueryGroup): Query {
  const [typed, ...others] = group.forms
  // A glossary form was typed as the glossary spells it: no typo to forgive,
  // and typo matching walks the whole index (see fuzzyTerm in ./index.ts).
  const own: Query = group.entry === undefined ? { combineWith: 'AND', queries: [typed!] } : { combineWith: 'AND', fuzzy: false, queries: [typed!] }
  if (others.length === 0) return own
  return {
    combineWith: 'OR',
    // The reader's own form keeps prefix and typo matching; the synonyms are
    // looked up as they are.
    queries: [own, ...others.map((f): Query => ({ combineWith: 'AND', prefix: false, fuzzy: false, boostTerm: () => SYNONYM_WEIGHT, queries: [f] }))],
  }
}

/** The query tree for a plan: every group (AND), or any group (OR). */
export function planToQuery(plan: QueryPlan, combineWith: 'AND' | 'OR' = 'AND'): Query {
  return { combineWith, queries: plan.groups.map(groupQuery) }
}

/**
 * What the search box lists for `text`: every group, or, if no section has
 * them all, ranked partial matches.
 */
export function siteSearch<T>(index: MiniSearch<T>, table: SynonymTable, text: string): SearchResult[] {
  if (text.trim() === '') return []
  const plan = planQuery(text, table)
  const options = { boostDocument: teachingBoost(index, table, plan) }
  const found = index.search(planToQuery(plan, 'AND'), options)
  if (found.length > 0) return headingFirst(perTerm(found), text)
  if (plan.groups.length > 1) return headingFirst(anyGroup(index, plan, options), text)
  const only = plan.groups[0]
  if (!only) return []
  return partialWord(index as unknown as MiniSearch, (q, o) => index.search(q, o), only.typed, options)
}

/** How much more a section counts when its heading holds the whole query as typed. */
export const HEADING_PHRASE_BOOST = 4
/** Shorter queries are words, not phrases: the terms' own scores rank them. */
const MIN_PHRASE_LENGTH = 8

const phrase = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim()

/**
 * A reader who pastes a whole line (an error message from error.log, a
 * heading) wants the section whose heading says exactly that, even where
 * another section repeats its words more often.
 */
function headingFirst(results: SearchResult[], text: string): SearchResult[] {
  const typed = phrase(text)
  if (typed.length < MIN_PHRASE_LENGTH) return results
  const inHeading = (r: SearchResult) => typeof r['title'] === 'string' && phrase(r['title']).includes(typed)
  if (!results.some(inHeading)) return results
  return results.map((r) => (inHeading(r) ? { ...r, score: r.score * HEADING_PHRASE_BOOST } : r)).sort((a, b) => b.score - a.score)
}

/**
 * MiniSearch multiplies a result's score by the number of query terms it
 * matched. Every result of an AND query matched every group, but one that
 * matched several synonyms of a group would count each of them again; the
 * score per matched term ranks by how well the section matches instead.
 */
function perTerm(results: SearchResult[]): SearchResult[] {
  return results.map((r) => ({ ...r, score: r.score / Math.max(1, r.queryTerms.length) })).sort((a, b) => b.score - a.score)
}

/** No section has every group: rank those with the most groups first, then by score. */
function anyGroup<T>(index: MiniSearch<T>, plan: QueryPlan, options: SearchOptions): SearchResult[] {
  const merged = new Map<string, { result: SearchResult; groups: number; score: number }>()
  for (const group of plan.groups) {
    for (const r of perTerm(index.search(groupQuery(group), options))) {
      const seen = merged.get(r.id)
      if (!seen) merged.set(r.id, { result: r, groups: 1, score: r.score })
      else {
        seen.groups++
        seen.score += r.score
        seen.result = { ...seen.result, terms: [...new Set([...seen.result.terms, ...r.terms])], queryTerms: [...new Set([...seen.result.queryTerms, ...r.queryTerms])], match: { ...seen.result.match, ...r.match } }
      }
    }
  }
  return [...merged.values()].map((m) => ({ ...m.result, score: m.score * m.groups })).sort((a, b) => b.score - a.score)
}

type BoostDocument = NonNullable<SearchOptions['boostDocument']>

/** The index's own document boost, times TEACHING_BOOST for the sections that teach a glossary term of the query. */
function teachingBoost<T>(index: MiniSearch<T>, table: SynonymTable, plan: QueryPlan): BoostDocument | undefined {
  const own = (index as unknown as { _options: { searchOptions: SearchOptions } })._options.searchOptions.boostDocument
  const links = plan.groups.flatMap((g) => (g.entry === undefined ? [] : [table[g.entry]!.link]))
  if (links.length === 0) return own
  return (id, term, stored) => {
    const base = own ? own(id, term, stored) : 1
    // Ids carry the site's base (`/openresty-notes/performance/#avoid-garbage`).
    return links.some((l) => id.endsWith(l)) ? base * TEACHING_BOOST : base
  }
}

/**
 * The words to mark in a result: each form of the query's groups that the
 * result matched whole (every one of its terms), as the reader would write
 * it: `垃圾回收`, never its bigrams `垃圾`, `圾回`; `ngx.shared.dict`, not
 * `ngx`. Prefix completions of what the reader typed are marked as the index
 * matched them (`ngx.shared.di` marks `ngx.shared.dict`). When only part of a
 * long word matched (the partial-match fallback), its matched stretches are.
 */
export function highlightTerms(text: string, result: Pick<SearchResult, 'match'>, table: SynonymTable): string[] {
  const keys = Object.keys(result.match)
  const matched = new Set(keys)
  const out = new Set<string>()
  for (const group of planQuery(text, table).groups) {
    let whole = false
    group.forms.forEach((form, k) => {
      const typed = k === 0
      const has = (t: string) => matched.has(t) || (typed && keys.some((m) => m.startsWith(t)))
      const tokens = tokenize(form)
      if (tokens.length === 0 || !tokens.every(has)) return
      whole = true
      for (const run of form.match(CJK_RUN) ?? []) out.add(run)
      for (const word of form.match(LATIN_WORD) ?? []) {
        if (matched.has(word)) out.add(word)
        else if (typed) for (const m of keys) if (m.startsWith(word)) out.add(m)
      }
    })
    if (whole) continue
    // Partial matches: stretches of consecutive matched bigrams, Latin terms matched as typed.
    const typed = group.forms[0]!
    for (const run of typed.match(CJK_RUN) ?? []) {
      const chars = Array.from(run)
      let start = -1
      for (let k = 0; k < chars.length; k++) {
        const ok = k + 1 < chars.length && matched.has(chars[k]! + chars[k + 1]!)
        if (ok && start < 0) start = k
        if (!ok && start >= 0) {
          out.add(chars.slice(start, k + 1).join(''))
          start = -1
        }
      }
    }
    for (const t of tokenize(typed)) if (!isCjk(t[0]) && matched.has(t)) out.add(t)
  }
  return [...out]
}
