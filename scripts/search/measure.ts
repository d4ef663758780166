// npm run search:measure [-- --no-browser] [-- --json out.json]
//
// Indexes the same section documents VitePress indexes (scripts/search/sections.ts)
// with each configuration of ./variants.ts and reports, per configuration:
// index size (serialized JSON, raw and gzip), number of terms, the golden
// queries' hits in the top 3 and mean reciprocal rank, mean result count, the
// share of golden queries with no result at all, and query time (median over
// the golden set, each query timed as the median of many runs) in Node and, if
// Debian's chromium is installed, in Chromium. `default` is VitePress's own
// index of the same pages; the shipped variant asks the index the way the
// search box does (docs/.vitepress/search/query.ts).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'
import MiniSearch from 'minisearch'
import { GOLDEN, type GoldenQuery } from '../../test/site/search-golden'
import type { SectionDoc } from '../../docs/.vitepress/search'
import { siteSections } from './sections'
import { loadBuiltIndex, readSiteData } from './built-index'
import { buildIndex, optionsFor, VARIANTS, type Variant } from './variants'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const args = process.argv.slice(2)
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined
const wantBrowser = !args.includes('--no-browser')
const RUNS = 40

interface Row {
  variant: string
  shipped: boolean
  docs: number
  terms: number
  jsonBytes: number
  gzipBytes: number
  indexMs: number
  hitsAt3: number
  mrr: number
  meanResults: number
  zeroResults: string[]
  misses: string[]
  /** Chinese queries: share of sections containing the query literally that are listed (first 16). */
  literalRecall: number
  /** Chinese queries: share of listed sections that contain the query literally. */
  literalPrecision: number
  nodeMedianUs: number
  nodeP95Us: number
  browserMedianUs?: number
  browserP95Us?: number
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN
}
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? NaN
}

function pageOf(id: string, base: string): string {
  return `/${id.split('#')[0]!.slice(base.length)}`
}

function matches(id: string, q: GoldenQuery, base: string): boolean {
  const [, anchor = ''] = id.split('#')
  return pageOf(id, base) === q.page && (q.section === undefined || anchor === q.section)
}

function fullText(d: SectionDoc): string {
  return [d.title, ...d.titles, d.text ?? ''].join('\n').normalize('NFKC').toLowerCase()
}

function searchWith(v: Variant, index: MiniSearch<SectionDoc>, text: string) {
  return v.search ? v.search(index, text) : index.search(text)
}

function timeQueries(v: Variant, index: MiniSearch<SectionDoc>): number[] {
  const perQuery: number[] = []
  for (const q of GOLDEN) {
    for (let i = 0; i < 3; i++) searchWith(v, index, q.query)
    const runs: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint()
      searchWith(v, index, q.query)
      runs.push(Number(process.hrtime.bigint() - t0) / 1000)
    }
    perQuery.push(median(runs))
  }
  return perQuery
}

/** Same loop in Chromium: MiniSearch's UMD build, the serialized index, the tokenizer's source. */
async function timeInBrowser(json: string, v: Variant): Promise<number[] | undefined> {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!fs.existsSync(chromiumPath)) {
    console.warn(`[search:measure] no ${chromiumPath}: skipping browser timing (apt-get install chromium)`)
    return undefined
  }
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><title>search timing</title>')
    await page.addScriptTag({ content: fs.readFileSync(path.join(ROOT, 'node_modules/minisearch/dist/umd/index.js'), 'utf8') })
    // The site's query expansion, bundled as the search box chunk bundles it.
    if (v.search) await page.addScriptTag({ content: await bundleQueryModule() })
    const { searchOptions } = optionsFor(v)
    const fnSources = Object.fromEntries(
      Object.entries(searchOptions ?? {}).filter(([, f]) => typeof f === 'function').map(([k, f]) => [k, String(f)]),
    )
    const plain = Object.fromEntries(Object.entries(searchOptions ?? {}).filter(([, f]) => typeof f !== 'function'))
    return await page.evaluate(
      ({ json, tokenizeSource, plain, fnSources, queries, runs, synonyms }) => {
        const revive = (s: string) => new Function(`return ${s}`)()
        const searchOptions: Record<string, unknown> = { ...plain }
        for (const [k, s] of Object.entries(fnSources)) searchOptions[k] = revive(s)
        const MS = (window as unknown as { MiniSearch: typeof MiniSearch }).MiniSearch
        const index = MS.loadJSON(json, {
          fields: ['title', 'titles', 'text'],
          storeFields: ['title', 'titles'],
          searchOptions,
          ...(tokenizeSource ? { tokenize: revive(tokenizeSource) } : {}),
        })
        const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
        const site = (window as unknown as { siteQuery?: { siteSearch: (i: unknown, t: unknown, q: string) => unknown[] } }).siteQuery
        const search = synonyms && site ? (q: string) => site.siteSearch(index, synonyms, q) : (q: string) => index.search(q)
        const out: number[] = []
        for (const q of queries) {
          for (let i = 0; i < 3; i++) search(q)
          // performance.now() is coarse in a page; time batches of 10.
          const batches: number[] = []
          for (let i = 0; i < runs / 10; i++) {
            const t0 = performance.now()
            for (let j = 0; j < 10; j++) search(q)
            batches.push(((performance.now() - t0) * 1000) / 10)
          }
          out.push(med(batches))
        }
        return out
      },
      { json, tokenizeSource: v.tokenize ? String(v.tokenize) : '', plain, fnSources, queries: GOLDEN.map((q) => q.query), runs: RUNS * 5, synonyms: v.synonyms },
    )
  } finally {
    await browser.close()
  }
}

/** docs/.vitepress/search/query.ts as a script that sets `window.siteQuery`. */
async function bundleQueryModule(): Promise<string> {
  const { build } = await import('esbuild')
  const out = await build({
    entryPoints: [path.join(ROOT, 'docs/.vitepress/search/query.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'siteQuery',
    platform: 'browser',
    logLevel: 'silent',
  })
  return out.outputFiles[0]!.text
}

/**
 * Why not Intl.Segmenter: the index is cut in Node and queries in the reader's
 * browser, with different ICU data (and Firefox/Safari have their own). Counts
 * the site's Chinese runs that Node and Chromium segment differently.
 */
async function compareSegmenters(docs: SectionDoc[]): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!fs.existsSync(chromiumPath)) return
  const runs = [...new Set(docs.flatMap((d) => `${d.title}\n${d.text ?? ''}`.match(/\p{sc=Han}+/gu) ?? []))]
  const seg = new Intl.Segmenter('zh', { granularity: 'word' })
  const inNode = runs.map((r) => [...seg.segment(r)].map((x) => x.segment).join('|'))
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage()
    const inChromium = await page.evaluate((texts) => {
      const s = new Intl.Segmenter('zh', { granularity: 'word' })
      return texts.map((r) => [...s.segment(r)].map((x) => x.segment).join('|'))
    }, runs)
    const differ = runs.filter((_r, i) => inNode[i] !== inChromium[i])
    console.log(
      `\nIntl.Segmenter("zh"): ${differ.length} of ${runs.length} Chinese runs of the site are cut differently in Chromium ${browser.version()} than in Node ${process.version} (ICU ${process.versions.icu})` +
        (differ.length ? `, e.g. ${differ.slice(0, 2).map((r) => `${inNode[runs.indexOf(r)]} / ${inChromium[runs.indexOf(r)]}`).join('; ')}` : ''),
    )
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  const t0 = Date.now()
  const { base: siteBase, docs } = await siteSections(path.join(ROOT, 'docs'))
  console.log(`[search:measure] ${docs.length} sections from ${new Set(docs.map((d) => d.id.split('#')[0])).size} pages (${Date.now() - t0} ms), ${GOLDEN.length} golden queries`)

  const rows: Row[] = []
  for (const v of VARIANTS) {
    const started = performance.now()
    const index = buildIndex(v, docs)
    const indexMs = performance.now() - started
    const json = JSON.stringify(index)
    let hits = 0
    let rr = 0
    let results = 0
    const zero: string[] = []
    const misses: string[] = []
    let relevant = 0
    let relevantFound = 0
    let listed = 0
    let listedRelevant = 0
    for (const q of GOLDEN) {
      const found = searchWith(v, index, q.query).slice(0, 16)
      if (q.kind === 'zh-word' || q.kind === 'zh-phrase') {
        const needle = q.query.normalize('NFKC').toLowerCase()
        const truth = new Set(docs.filter((d) => fullText(d).includes(needle)).map((d) => d.id))
        relevant += Math.min(truth.size, 16)
        relevantFound += found.filter((r) => truth.has(r.id)).length
        listed += found.length
        listedRelevant += found.filter((r) => truth.has(r.id)).length
      }
      results += found.length
      if (found.length === 0) zero.push(q.query)
      const rank = found.findIndex((r) => matches(r.id, q, siteBase)) + 1
      if (rank >= 1 && rank <= 3) hits++
      else misses.push(q.query)
      if (rank) rr += 1 / rank
    }
    const node = timeQueries(v, index)
    if (v.shipped) {
      const slow = GOLDEN.map((q, i) => [q.query, node[i]!] as const).sort((a, b) => b[1] - a[1]).slice(0, 5)
      console.log(`[search:measure] ${v.name}: slowest queries ${slow.map(([q, us]) => `${q} ${us.toFixed(0)} µs`).join(', ')}`)
    }
    const browser = wantBrowser && (v.name === 'default' || v.name === 'bigram-and' || v.shipped) ? await timeInBrowser(json, v) : undefined
    rows.push({
      variant: v.name,
      shipped: !!v.shipped,
      docs: index.documentCount,
      terms: index.termCount,
      jsonBytes: Buffer.byteLength(json),
      gzipBytes: zlib.gzipSync(json).length,
      indexMs: Math.round(indexMs),
      hitsAt3: hits,
      mrr: rr / GOLDEN.length,
      meanResults: results / GOLDEN.length,
      zeroResults: zero,
      misses,
      literalRecall: relevant ? relevantFound / relevant : NaN,
      literalPrecision: listed ? listedRelevant / listed : NaN,
      nodeMedianUs: median(node),
      nodeP95Us: p95(node),
      browserMedianUs: browser && median(browser),
      browserP95Us: browser && p95(browser),
    })
  }

  const fmt = (n: number | undefined, d = 0) => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(d))
  console.log('')
  const pct = (n: number) => `${((100 * n) / GOLDEN.length).toFixed(1)} %`
  console.log('| variant | terms | index JSON bytes | gzip bytes | golden top-3 | MRR | mean results | zero-result rate | zh literal recall / precision | Node query µs median / p95 | Chromium query µs median / p95 |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const r of rows) {
    console.log(
      `| ${r.variant}${r.shipped ? ' (shipped)' : ''} | ${r.terms} | ${r.jsonBytes} | ${r.gzipBytes} | ${r.hitsAt3}/${GOLDEN.length} | ${fmt(r.mrr, 3)} | ${fmt(r.meanResults, 1)} | ${pct(r.zeroResults.length)} (${r.zeroResults.length}) | ${fmt(r.literalRecall, 2)} / ${fmt(r.literalPrecision, 2)} | ${fmt(r.nodeMedianUs)} / ${fmt(r.nodeP95Us)} | ${fmt(r.browserMedianUs)} / ${fmt(r.browserP95Us)} |`,
    )
  }
  for (const r of rows) if (r.misses.length) console.log(`\n${r.variant}: not in the top 3: ${r.misses.join(', ')}`)
  for (const r of rows) if (r.zeroResults.length) console.log(`\n${r.variant}: no results: ${r.zeroResults.join(', ')}`)
  const kinds = [...new Set(GOLDEN.map((q) => q.kind))]
  console.log(`\ngolden top-3 by kind (${kinds.map((k) => `${k} ${GOLDEN.filter((q) => q.kind === k).length}`).join(', ')}):`)
  for (const r of rows) {
    console.log(`  ${r.variant}: ${kinds.map((k) => `${k} ${GOLDEN.filter((q) => q.kind === k && !r.misses.includes(q.query)).length}`).join(', ')}`)
  }

  if (wantBrowser) await compareSegmenters(docs)

  // The real index chunks, and whether this script saw the same sections and
  // terms as VitePress did (a build older than the Markdown will differ).
  const shipped = buildIndex(VARIANTS.find((v) => v.shipped)!, docs)
  const strip = (id: string, b: string) => id.slice(b.length)
  const ours = new Set(docs.map((d) => strip(d.id, siteBase)))
  for (const dist of [path.join(ROOT, 'test/.output/site'), path.join(ROOT, 'docs/.vitepress/dist')]) {
    if (!fs.existsSync(path.join(dist, 'assets/chunks'))) continue
    let built: ReturnType<typeof loadBuiltIndex>
    try {
      built = loadBuiltIndex(dist)
    } catch (error) {
      console.log(`\n${path.relative(ROOT, dist)}: ${(error as Error).message}`)
      continue
    }
    const body = Buffer.from(built.assetSource)
    const builtBase = readSiteData(dist).base ?? '/'
    const theirs = new Set(Object.values((JSON.parse(built.json) as { documentIds: Record<string, string> }).documentIds).map((id) => strip(id, builtBase)))
    const same = ours.size === theirs.size && [...ours].every((id) => theirs.has(id)) && built.index.termCount === shipped.termCount
    console.log(
      `\nbuilt asset ${path.relative(ROOT, built.asset)}: ${body.length} bytes raw, ${zlib.gzipSync(body).length} bytes gzip; ` +
        `${theirs.size} sections, ${built.index.termCount} terms: ` +
        (same ? 'same sections and terms as this script' : `differs from this script (${ours.size} sections, ${shipped.termCount} terms; rebuild?)`),
    )
  }
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ when: new Date().toISOString(), sections: docs.length, golden: GOLDEN.length, rows }, null, 2))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
