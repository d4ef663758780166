// Site search over the real build (test/.output/site, base /openresty-notes/):
// the index chunk the browser downloads, loaded with the options the browser
// gets from the site data; then the search box itself in Chromium.
import MiniSearch from 'minisearch'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { loadBuiltIndex, searchLikeBrowser, SITE_SYNONYMS, type BuiltIndex, type Hit } from '../../scripts/search/built-index'
import { siteSections } from '../../scripts/search/sections'
import { tokenize } from '../../docs/.vitepress/search/tokenize'
import { withAndFallback } from '../../docs/.vitepress/search/fallback'
import type { SectionDoc } from '../../docs/.vitepress/search'
import { siteSearch } from '../../docs/.vitepress/search/query'
import { entryForms } from '../../docs/.vitepress/search/synonyms'
import { GLOSSARY } from '../../docs/.vitepress/data/glossary'
import { DOCS, TEST_BASE, TEST_DIST } from '../support/paths'
import { browserUnavailable } from '../support/browser'
import { useBuiltSite, waitForPage } from '../support/built-site'
import { titleOf } from '../support/site-pages'
import { GOLDEN, type GoldenQuery } from './search-golden'

const TOP = 3

let built: BuiltIndex

beforeAll(() => {
  built = loadBuiltIndex(TEST_DIST)
})

/** `/openresty-notes/luajit/ffi#gc64` for page `/luajit/ffi`, section `gc64`. */
function pageId(page: string): string {
  return `${TEST_BASE}${page.replace(/^\//, '')}`
}

function matches(hit: Hit, q: GoldenQuery): boolean {
  const [page, anchor = ''] = hit.id.split('#')
  return page === pageId(q.page) && (q.section === undefined || anchor === q.section)
}

function describeHits(hits: Hit[]): string {
  if (hits.length === 0) return '  (no results)'
  return hits
    .slice(0, 6)
    .map((h, i) => `  ${i + 1}. ${h.id}  “${[...(h.titles ?? []), h.title].join(' > ')}”  score ${h.score.toFixed(2)}`)
    .join('\n')
}

describe('the index the browser loads', () => {
  it('is built with the CJK tokenizer, and the browser gets the same function', () => {
    const revived = built.miniSearch?.options?.tokenize
    expect(typeof revived, 'themeConfig.search.options.miniSearch.options.tokenize missing from the site data').toBe('function')
    for (const s of ['在共享内存中使用协程', 'ngx.shared.DICT:get_stale()', 'lua-resty-mlcache 与 2 GB', '']) {
      expect(revived!(s, 'text'), s).toEqual(tokenize(s))
    }
    // Bigrams are in the index: the default tokenizer would have whole sentences.
    const terms = (JSON.parse(built.json) as { index: [string, unknown][] }).index.map(([t]) => t)
    expect(terms.length).toBeGreaterThan(0)
    expect(terms.filter((t) => /^\p{sc=Han}{3,}$/u.test(t)), 'CJK terms longer than a bigram').toEqual([])
  })

  it('queries combine their terms with AND in the browser options', () => {
    expect(built.options.searchOptions?.combineWith).toBe('AND')
  })

  it('every result id is a page under the base, with a heading anchor', () => {
    const ids = Object.values((JSON.parse(built.json) as { documentIds: Record<string, string> }).documentIds)
    expect(ids.length).toBeGreaterThan(10)
    for (const id of ids) expect(id, id).toMatch(new RegExp(`^${TEST_BASE}[^#]*#.+$`))
  })

  it('finds a Chinese word only where all of it stands', () => {
    // The index alone (what the site's search builds on): every hit for 火焰图 contains both of its bigrams.
    const hits = built.index.search('火焰图')
    expect(hits.length).toBeGreaterThan(3)
    for (const hit of hits) expect(hit.queryTerms.sort(), hit.id).toEqual(['火焰', '焰图'])
    // The search box adds the glossary's other names for it, and nothing else.
    for (const hit of searchLikeBrowser(built.index, '火焰图')) {
      const ok = ['火焰', '焰图'].every((t) => hit.queryTerms.includes(t)) || hit.queryTerms.includes('flamegraph') || hit.queryTerms.includes('graph')
      expect(ok, `${hit.id}: ${hit.queryTerms.join(' ')}`).toBe(true)
    }
  })

  it('finds two words that are not adjacent in the text', () => {
    const hits = built.index.search('协程 cosocket')
    expect(hits.length, '协程 cosocket: no results').toBeGreaterThan(0)
    for (const hit of hits) expect(new Set(hit.queryTerms), hit.id).toEqual(new Set(['协程', 'cosocket']))
    expect(searchLikeBrowser(built.index, '协程 cosocket').map((h) => h.id)).toEqual(expect.arrayContaining(hits.slice(0, 3).map((h) => h.id)))
  })
})

describe('every section that contains a Chinese query, and only those', () => {
  it('matches a literal search of the indexed text for each Chinese golden query', async () => {
    // The same section texts VitePress indexed (scripts/search/sections.ts
    // re-creates them; search:measure checks it against the built chunk).
    const { base, docs } = await siteSections(DOCS)
    const builtIds = new Set(Object.values((JSON.parse(built.json) as { documentIds: Record<string, string> }).documentIds))
    const sections = docs
      .map((d) => ({ ...d, id: `${TEST_BASE}${d.id.slice(base.length)}` }))
      .filter((d) => builtIds.has(d.id))
    expect(sections.length, 'no section of the sources is in the built index (stale build?)').toBeGreaterThan(builtIds.size * 0.9)
    const norm = (t: string) => t.normalize('NFKC').toLowerCase()
    const problems: string[] = []
    // Only unbroken Chinese runs the pages use: `短、平、快` is three words, not a
    // phrase, and a synonym is not on the page by definition.
    for (const q of GOLDEN.filter((g) => /^\p{sc=Han}+$/u.test(g.query) && (g.kind === 'zh-word' || g.kind === 'zh-phrase'))) {
      const needle = norm(q.query)
      const truth = new Set(sections.filter((d) => norm([d.title, ...d.titles, d.text ?? ''].join('\n')).includes(needle)).map((d) => d.id))
      const found = new Set(built.index.search(q.query).map((r) => r.id))
      const missed = [...truth].filter((id) => !found.has(id))
      const extra = [...found].filter((id) => !truth.has(id))
      if (missed.length) problems.push(`${q.query}: not found in ${missed.join(', ')}`)
      if (extra.length) problems.push(`${q.query}: listed without the word: ${extra.join(', ')}`)
    }
    expect(problems, problems.join('\n')).toEqual([])
  })
})

describe('AND fallback on the real index', () => {
  it('lists sections with one whole word when no section has both', () => {
    const index = withAndFallback(MiniSearch.loadJSON<SectionDoc>(built.json, built.options))
    expect(built.index.search('协程 量子纠缠')).toEqual([])
    const hits = index.search('协程 量子纠缠')
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) expect(hit.queryTerms, hit.id).toEqual(['协程'])
    expect(index.search('量子纠缠')).toEqual([])
  })

  it('the search box lists them too, the section on coroutines first', () => {
    const hits = searchLikeBrowser(built.index, '协程 量子纠缠')
    expect(hits[0]?.id).toBe(`${TEST_BASE}luajit/non-blocking#coroutine-per-request`)
    expect(searchLikeBrowser(built.index, '量子纠缠')).toEqual([])
  })
})

describe('the glossary in the search box', () => {
  it('every form of every glossary entry finds something, and its glossary entry', () => {
    const empty: string[] = []
    const noEntry: string[] = []
    for (const e of GLOSSARY) {
      for (const form of entryForms(e)) {
        const hits = siteSearch(built.index, SITE_SYNONYMS, form)
        if (hits.length === 0) empty.push(`${e.id}: ${form}`)
        else if (!hits.some((h) => h.id === `${TEST_BASE}glossary#${e.id}`)) noEntry.push(`${e.id}: ${form}`)
      }
    }
    expect(empty, 'forms that find nothing').toEqual([])
    expect(noEntry, 'forms whose glossary entry is not listed').toEqual([])
  })

  it('no query made only of glossary terms returns nothing', () => {
    const empty: string[] = []
    GLOSSARY.forEach((e, i) => {
      const other = GLOSSARY[(i * 7 + 3) % GLOSSARY.length]!
      // Written together where Chinese meets Chinese; two Latin names typed together are one new word.
      const next = other.variants?.[0] ?? other.term
      const glued = /\p{sc=Han}$/u.test(e.term) || /^\p{sc=Han}/u.test(next) ? `${e.term}${next}` : `${e.term} ${next}`
      for (const q of [`${e.term} ${other.term}`, glued, `如何${e.term}`]) {
        if (siteSearch(built.index, SITE_SYNONYMS, q).length === 0) empty.push(q)
      }
    })
    expect(empty).toEqual([])
  })

  it('the synonym table in the search box chunk is the one made from the glossary', () => {
    const chunk = fs.readdirSync(path.join(TEST_DIST, 'assets/chunks')).find((f) => /^VPLocalSearchBox\.[\w-]+\.js$/.test(f))
    expect(chunk, 'VPLocalSearchBox chunk').toBeDefined()
    const source = fs.readFileSync(path.join(TEST_DIST, 'assets/chunks', chunk!), 'utf8')
    for (const row of SITE_SYNONYMS) expect(source, row.link).toContain(JSON.stringify(row.forms))
  })
})

describe('golden queries (expected page in the top 3)', () => {
  it('has at least 120 queries: 25 questions, 25 synonyms or English/Chinese pairs, 10 typos or variants', () => {
    const count = (kind: GoldenQuery['kind']) => GOLDEN.filter((q) => q.kind === kind).length
    expect(GOLDEN.length).toBeGreaterThanOrEqual(120)
    expect(count('question')).toBeGreaterThanOrEqual(25)
    expect(count('synonym')).toBeGreaterThanOrEqual(25)
    expect(count('typo')).toBeGreaterThanOrEqual(10)
    // The new kinds name the section, not just the page.
    expect(GOLDEN.filter((q) => ['question', 'synonym', 'typo'].includes(q.kind) && !q.section).map((q) => q.query)).toEqual([])
    const queries = GOLDEN.map((q) => q.query)
    expect(queries.filter((q, i) => queries.indexOf(q) !== i)).toEqual([])
  })

  it.each(GOLDEN.map((q) => [q.query, q] as const))('%s', (_query, q) => {
    const hits = searchLikeBrowser(built.index, q.query)
    const rank = hits.findIndex((h) => matches(h, q)) + 1
    const expected = `${pageId(q.page)}${q.section ? `#${q.section}` : ''}`
    expect(
      rank >= 1 && rank <= TOP,
      `query “${q.query}”: expected ${expected} in the top ${TOP}, ` +
        `${rank ? `found it at rank ${rank}` : 'not in the results'}; got:\n${describeHits(hits)}`,
    ).toBe(true)
  })
})

/** Outside CI, no Chromium: skip with one loud line (see support/browser.ts). */
const noBrowser = browserUnavailable()
const site = useBuiltSite()

describe.skipIf(noBrowser)('the search box in Chromium', () => {
  /** Opens the home page and its search box; `beforeOpen` runs once the page is loaded, before the box opens. */
  async function openSearch(page: Page, via: 'button' | 'keyboard', beforeOpen?: () => void): Promise<void> {
    await page.goto(site.url(''), { waitUntil: 'load' })
    await waitForPage(page)
    const button = page.locator('.VPNavBarSearch button.DocSearch-Button, #local-search button').first()
    await button.waitFor({ state: 'visible' })
    beforeOpen?.()
    const input = page.locator('.VPLocalSearchBox input')
    // A key press that lands before the app has hydrated does nothing; try again.
    for (let attempt = 1; ; attempt++) {
      if (via === 'button') await button.click()
      else await page.keyboard.press('Control+k')
      try {
        await input.waitFor({ state: 'visible', timeout: 10_000 })
        return
      } catch (error) {
        if (attempt === 3) throw error
      }
    }
  }

  const readResults = (page: Page) =>
    page.locator('.VPLocalSearchBox .results li a').evaluateAll((links) =>
      links.map((a) => ({ href: a.getAttribute('href') ?? '', text: (a.textContent ?? '').replace(/\s+/g, ' ').trim() })),
    )

  /**
   * Enters the query in one input event, so the box searches for it alone (no
   * results for a prefix of it), and waits until the search has run: results
   * are listed, or the empty state shows (VitePress shows it only once the
   * search for the current text has run).
   */
  async function resultsFor(page: Page, query: string): Promise<{ href: string; text: string }[]> {
    await page.locator('.VPLocalSearchBox input').fill(query)
    await page.locator('.VPLocalSearchBox .results li a, .VPLocalSearchBox .no-results').first().waitFor({ timeout: 20_000 })
    return readResults(page)
  }

  const BROWSER_QUERIES = GOLDEN.filter((q) =>
    ['协程', '火焰图', '乱序', 'get_stale', 'table.new 预分配', '垃圾收集', '如何清空 table', 'lrucache 和共享字典有什么区别'].includes(q.query),
  )

  it.each(BROWSER_QUERIES.map((q) => [q.query, q] as const))('typing “%s” lists the right page, and choosing it lands there', async (_q, q) => {
    await site.withPage(async (page) => {
      // The machine may be busy building; be patient rather than flaky.
      page.setDefaultTimeout(60_000)
      await openSearch(page, q.query === '协程' ? 'button' : 'keyboard')
      const results = await resultsFor(page, q.query)
      const want = pageId(q.page)
      const rank = results.findIndex((r) => r.href.split('#')[0] === want && (!q.section || r.href.endsWith(`#${q.section}`))) + 1
      expect(
        rank >= 1 && rank <= TOP,
        `browser, query “${q.query}”: expected ${want}${q.section ? `#${q.section}` : ''} in the top ${TOP}; got:\n` +
          results.slice(0, 6).map((r, i) => `  ${i + 1}. ${r.href}  ${r.text}`).join('\n'),
      ).toBe(true)
      const chosen = results[rank - 1]!
      // Choose it with the keyboard: arrow down to it, then Enter.
      for (let i = 1; i < rank; i++) await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await page.waitForURL((u) => `${u.pathname}${u.hash}` === decodeURI(chosen.href) || `${u.pathname}${u.hash}` === chosen.href)
      const landed = new URL(page.url())
      expect(landed.pathname).toBe(want)
      await waitForPage(page, titleOf(want.slice(TEST_BASE.length)))
      const hash = decodeURIComponent(landed.hash.slice(1))
      if (hash) {
        const target = page.locator(`[id="${hash}"]`)
        await expect.poll(() => target.count(), { message: `#${hash} is not on ${want}`, timeout: 20_000 }).toBe(1)
      }
      await expect.poll(() => page.locator('.VPLocalSearchBox').count(), { timeout: 10_000 }).toBe(0)
    }, { viewport: { width: 1280, height: 900 } })
  })

  it('the page runs the same tokenizer the index was built with', async () => {
    await site.withPage(async (page) => {
      await page.goto(site.url(''), { waitUntil: 'load' })
      await waitForPage(page)
      const samples = ['在共享内存中使用协程，读懂火焰图。', 'ngx.shared.DICT:get_stale()', 'lua-resty-mlcache 与 2 GB', '']
      const inPage = await page.evaluate((texts) => {
        type Fn = (text: string) => string[]
        const data = (window as unknown as { __VP_SITE_DATA__: { themeConfig: { search: { options: { miniSearch: { options: { tokenize: Fn } } } } } } })
          .__VP_SITE_DATA__
        const fn = data.themeConfig.search.options.miniSearch.options.tokenize
        return texts.map((t) => fn(t))
      }, samples)
      expect(inPage).toEqual(samples.map((t) => tokenize(t)))
    })
  })

  /** Marked words in the result list, once the excerpts of `query` are highlighted and include `expected`. */
  async function marksFor(page: Page, query: string, expected: string): Promise<string[]> {
    await resultsFor(page, query)
    const marks = page.locator('.VPLocalSearchBox .results .excerpt mark')
    const read = () => marks.evaluateAll((els) => els.map((e) => (e.textContent ?? '').toLowerCase()))
    // The previous query's excerpts may still be on screen: wait for this query's word.
    await expect.poll(read, { message: `no excerpt of “${query}” highlights “${expected}”`, timeout: 30_000 }).toContain(expected)
    return read()
  }

  /**
   * Opens the search box with the detailed list (excerpts) on, as its toggle
   * stores it, and runs `check`; the page must log no error meanwhile.
   */
  async function withExcerpts(check: (page: Page) => Promise<void>): Promise<void> {
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 900 } })
    try {
      await ctx.addInitScript(() => localStorage.setItem('vitepress:local-search-detailed-list', 'true'))
      const page = await ctx.newPage()
      page.setDefaultTimeout(60_000)
      const errors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      page.on('pageerror', (e) => errors.push(e.message))
      await openSearch(page, 'keyboard')
      await check(page)
      expect(errors, 'errors logged while the search box drew its excerpts').toEqual([])
    } finally {
      await ctx.close()
    }
  }

  it('highlights whole words in the excerpts, also the synonym that matched', () =>
    withExcerpts(async (page) => {
      const dict = await marksFor(page, '共享字典', '共享字典')
      expect(dict).toContain('共享字典')
      expect(dict.filter((m) => ['共享', '享字', '字典'].includes(m)), 'bigram fragments marked').toEqual([])
      const leak = await marksFor(page, '内存泄露', '内存泄漏')
      expect(leak).toContain('内存泄漏')
      expect(leak.filter((m) => /^\p{sc=Han}{1,2}$/u.test(m)), 'fragments of 内存泄漏 marked').toEqual([])
    }))

  // flame-graph.md uses <FlameGraph>: in the app the search box cuts excerpts
  // from, the tag resolved to the page itself until the theme's components
  // got stand-ins there (plugins/site-search.ts), and no excerpt rendered.
  it('shows excerpts of a page that uses a component named like the page', () =>
    withExcerpts(async (page) => {
      expect(await marksFor(page, '火焰图', '火焰图')).toContain('火焰图')
      const flame = page.locator(`.VPLocalSearchBox .results > li > a[href^="${TEST_BASE}performance/flame-graph#"]`)
      expect(await flame.count()).toBeGreaterThan(2)
      const excerpts = await flame.evaluateAll((links) => links.map((a) => (a.querySelector('.excerpt') as HTMLElement | null)?.innerText.trim().length ?? 0))
      expect(excerpts.filter((n) => n === 0), 'flame-graph results without an excerpt').toEqual([])
    }))

  it('loads the search code, its synonym table and the index only when the search box opens', async () => {
    const ctx = await site.browser.newContext()
    try {
      const page = await ctx.newPage()
      page.setDefaultTimeout(60_000)
      const requested: string[] = []
      page.on('request', (r) => requested.push(r.url()))
      const searchChunks = () => requested.filter((u) => /\/(VPLocalSearchBox|@localSearchIndex[\w]*)\.[\w-]+\.js$/.test(u))
      let onLoad: string[] = []
      await openSearch(page, 'keyboard', () => (onLoad = searchChunks()))
      expect(onLoad, 'search chunks fetched with the page').toEqual([])
      await expect.poll(() => searchChunks().length, { timeout: 30_000 }).toBe(2)
    } finally {
      await ctx.close()
    }
  })

  /** Types `query` into a freshly opened search box and returns what it lists. */
  async function searchBoxResults(query: string, check: (page: Page, results: { href: string; text: string }[]) => Promise<void>): Promise<void> {
    await site.withPage(async (page) => {
      page.setDefaultTimeout(60_000)
      await openSearch(page, 'keyboard')
      await check(page, await resultsFor(page, query))
    })
  }

  it('a question whose words are on no page together still lists the closest sections', () =>
    searchBoxResults('协程 量子纠缠', async (_page, results) => {
      expect(results[0]?.href).toBe(`${TEST_BASE}luajit/non-blocking#coroutine-per-request`)
    }))

  it('a word not on any page shows the empty state, not a wrong page', () =>
    searchBoxResults('量子纠缠', async (page, results) => {
      expect(results, results.map((r) => r.href).join('\n')).toEqual([])
      await expect.poll(() => page.locator('.VPLocalSearchBox .no-results').count(), { timeout: 10_000 }).toBe(1)
    }))
})
