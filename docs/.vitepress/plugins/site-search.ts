// `virtual:openresty-notes/site-search`: the query expansion, fallback and
// highlighting of ../search/query.ts with the glossary's synonym table baked
// in. Only the local search box imports it (plugins/patch-theme.ts), so it
// lands in the box's own chunk, which loads when the reader opens search.
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { GLOSSARY } from '../data/glossary'
import { synonymTable } from '../search/synonyms'

export const SITE_SEARCH_MODULE = 'virtual:openresty-notes/site-search'
const RESOLVED = `\0${SITE_SEARCH_MODULE}`
const QUERY_MODULE = fileURLToPath(new URL('../search/query.ts', import.meta.url))

/** The module's source: `search(index, text)` and `highlight(text, result)`. */
export function siteSearchSource(table = synonymTable(GLOSSARY)): string {
  return [
    `import { siteSearch, highlightTerms } from ${JSON.stringify(QUERY_MODULE)}`,
    `const table = ${JSON.stringify(table)}`,
    'export const search = (index, text) => siteSearch(index, table, text)',
    'export const highlight = (text, result) => highlightTerms(text, result, table)',
    '',
  ].join('\n')
}

export function siteSearchModule(): Plugin {
  return {
    name: 'openresty-notes:site-search',
    resolveId(id) {
      return id === SITE_SEARCH_MODULE ? RESOLVED : undefined
    },
    load(id) {
      return id === RESOLVED ? siteSearchSource() : undefined
    },
  }
}
