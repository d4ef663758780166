// `virtual:openresty-notes/site-search`: the query expansion, fallback and
// highlighting of ../search/query.ts with the glossary's synonym table baked
// in. Only the local search box imports it (plugins/patch-theme.ts), so it
// lands in the box's own chunk, which loads when the reader opens search.
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { GLOSSARY } from '../data/glossary'
import { synonymTable } from '../search/synonyms'

export const SITE_SEARCH_MODULE = 'virtual:openresty-notes/site-search'
const RESOLVED = `\0${SITE_SEARCH_MODULE}`
const QUERY_MODULE = fileURLToPath(new URL('../search/query.ts', import.meta.url))
const COMPONENTS_DIR = fileURLToPath(new URL('../theme/components/', import.meta.url))

/** The names Markdown uses for the theme's components (theme/index.ts registers every file of theme/components). */
export function themeComponentNames(dir = COMPONENTS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.vue'))
    .map((f) => f.slice(0, -'.vue'.length))
    .sort()
}

/**
 * The module's source: `search(index, text)`, `highlight(text, result)` and
 * `stubComponents(app)`.
 *
 * The search box renders a page in an app of its own to cut excerpts from it,
 * and that app has none of the theme's components. A page whose file name
 * matches a component it uses (flame-graph.md uses <FlameGraph>) then resolves
 * the tag to itself, as Vue does for a component named after its file, and
 * renders itself without end: the excerpts of the whole result list were lost
 * to "Maximum call stack size exceeded". Registering an empty stand-in for
 * every theme component keeps that from happening; excerpts show the prose
 * around a component.
 */
export function siteSearchSource(table = synonymTable(GLOSSARY), components = themeComponentNames()): string {
  return [
    `import { siteSearch, highlightTerms } from ${JSON.stringify(QUERY_MODULE)}`,
    `const table = ${JSON.stringify(table)}`,
    'export const search = (index, text) => siteSearch(index, table, text)',
    'export const highlight = (text, result) => highlightTerms(text, result, table)',
    `const components = ${JSON.stringify(components)}`,
    'const empty = { render: () => null }',
    'export const stubComponents = (app) => { for (const name of components) app.component(name, empty) }',
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
