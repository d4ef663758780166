// Loads the local search index of a built site the way the browser does:
// the `@localSearchIndexroot.<hash>.js` chunk VitePress emits, and the MiniSearch
// options from the site data inlined in the built HTML (functions revived with
// VitePress's own deserializeFunctions), merged as VPLocalSearchBox.vue merges them.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import MiniSearch, { type Options, type SearchResult } from 'minisearch'
import type { DefaultTheme } from 'vitepress'
import { clientLoadOptions, type SectionDoc } from '../../docs/.vitepress/search'
import { siteSearch } from '../../docs/.vitepress/search/query'
import { synonymTable } from '../../docs/.vitepress/search/synonyms'
import { GLOSSARY } from '../../docs/.vitepress/data/glossary'

export interface BuiltIndex {
  /** Absolute path of the index chunk. */
  asset: string
  /** The chunk as served (JS source). */
  assetSource: string
  /** The serialized MiniSearch index (JSON text). */
  json: string
  /** `themeConfig.search.options.miniSearch` as the browser sees it. */
  miniSearch: DefaultTheme.LocalSearchOptions['miniSearch']
  /** The options handed to MiniSearch.loadJSON(). */
  options: Options<SectionDoc>
  index: MiniSearch<SectionDoc>
}

/** `assets/chunks/@localSearchIndexroot.<hash>.js` in a build output. */
export function findIndexAsset(dist: string): string {
  const dir = path.join(dist, 'assets/chunks')
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^@localSearchIndexroot\.[\w-]+\.js$/.test(f)) : []
  if (found.length !== 1) {
    throw new Error(`expected one @localSearchIndexroot.*.js in ${dir}, found ${found.length ? found.join(', ') : 'none'}`)
  }
  return path.join(dir, found[0]!)
}

/** The JSON string the chunk exports (`const t='…';export{t as default}`). */
export function indexJsonFromChunk(source: string): string {
  const m = /export\s*\{\s*([\w$]+)\s+as\s+default\s*\}\s*;?\s*$/.exec(source)
  if (!m) throw new Error('the search index chunk has no `export { x as default }`')
  const sandbox: { __index?: unknown } = {}
  vm.runInNewContext(`${source.slice(0, m.index)}\n__index = ${m[1]}`, sandbox)
  if (typeof sandbox.__index !== 'string') throw new Error('the search index chunk does not export a string')
  return sandbox.__index
}

/** `window.__VP_SITE_DATA__` from a built page, functions revived as in the browser. */
export function readSiteData(dist: string, page = 'index.html'): { base?: string; themeConfig: DefaultTheme.Config } {
  const html = fs.readFileSync(path.join(dist, page), 'utf8')
  const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).find((s) => s.includes('__VP_SITE_DATA__'))
  if (!script) throw new Error(`no inline __VP_SITE_DATA__ script in ${page}`)
  const window: { __VP_SITE_DATA__?: { base?: string; themeConfig: DefaultTheme.Config } } = {}
  vm.runInNewContext(script, { window })
  if (!window.__VP_SITE_DATA__) throw new Error('__VP_SITE_DATA__ was not set')
  return window.__VP_SITE_DATA__
}

export function loadBuiltIndex(dist: string): BuiltIndex {
  const asset = findIndexAsset(dist)
  const assetSource = fs.readFileSync(asset, 'utf8')
  const json = indexJsonFromChunk(assetSource)
  const search = readSiteData(dist).themeConfig.search
  const miniSearch = search?.provider === 'local' ? search.options?.miniSearch : undefined
  const options = clientLoadOptions(miniSearch)
  const index = MiniSearch.loadJSON<SectionDoc>(json, options)
  return { asset, assetSource, json, miniSearch, options, index }
}

export type Hit = SearchResult & { title?: string; titles?: string[] }

/** The synonym table the search box gets (plugins/site-search.ts builds it from the same data). */
export const SITE_SYNONYMS = synonymTable(GLOSSARY)

/**
 * What the search box lists for a query (VitePress shows the first 16): the
 * site's search (docs/.vitepress/search/query.ts), as the patched box calls it.
 */
export function searchLikeBrowser(index: MiniSearch<SectionDoc>, query: string): Hit[] {
  return siteSearch(index, SITE_SYNONYMS, query).slice(0, 16) as Hit[]
}
