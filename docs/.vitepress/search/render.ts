// What the search index reads from a page (Node only, at build time).
//
// VitePress indexes the HTML that markdown-it renders, with tags stripped. A
// `<CompareTable id="…" />` is a Vue component, so its cells (typed data in
// docs/.vitepress/data/tables/<id>.ts) would never reach the index: a reader
// searching for `response_body_like` or 只运行该测试用例 would not find the
// table that answers it. This renderer puts the table's text in place of the
// tag, inside the section where the table stands, for the index only.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MarkdownEnv } from 'vitepress'
import type { ComparisonTable, Cell } from '../data/tables/types'
import { inlineDiagrams } from '../../../scripts/diagrams/search'

const TABLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/tables')

const COMPONENT = /<CompareTable\b[^>]*?\bid=(["'])([\w-]+)\1[^>]*?\/?>(?:\s*<\/CompareTable>)?/g

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return ''
  if (typeof cell === 'string') return cell
  return cell.note ? `${cell.text}（${cell.note}）` : cell.text
}

/** The searchable text of one table: caption, then each row as "label：cell" pairs. */
export function tableText(table: ComparisonTable): string {
  const lines = [table.caption]
  for (const row of table.rows) {
    const cells = table.columns.map((c) => `${c.label}：${cellText(row[c.key])}`)
    lines.push(cells.join('；'))
  }
  return lines.map((l) => l.replace(/`/g, '')).join('\n')
}

const cache = new Map<string, Promise<ComparisonTable | undefined>>()

/** Loads `data/tables/<id>.ts` (TypeScript, importing ./types) through esbuild. */
export function loadTable(id: string, dir = TABLES_DIR): Promise<ComparisonTable | undefined> {
  const file = path.join(dir, `${id}.ts`)
  const key = `${file}:${fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0}`
  let hit = cache.get(key)
  if (!hit) {
    hit = (async () => {
      if (!fs.existsSync(file)) return undefined
      const { build } = await import('esbuild')
      const out = await build({
        entryPoints: [file],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        logLevel: 'silent',
      })
      // Bundled, the module imports nothing, so it loads from a data: URL.
      const code = out.outputFiles[0]!.text
      const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
      const mod = (await import(url)) as { default?: ComparisonTable }
      return mod.default
    })()
    cache.set(key, hit)
  }
  return hit
}

/** Replaces each `<CompareTable id>` in rendered HTML with the table's text. */
export async function inlineTables(html: string, load = loadTable): Promise<string> {
  const ids = new Set([...html.matchAll(COMPONENT)].map((m) => m[2]!))
  if (ids.size === 0) return html
  const texts = new Map<string, string>()
  for (const id of ids) {
    try {
      const table = await load(id)
      if (table) texts.set(id, tableText(table))
    } catch (error) {
      // A broken table fails its own page build; the index just goes without it.
      console.warn(`[search] table ${id} not indexed: ${(error as Error).message}`)
    }
  }
  return html.replace(COMPONENT, (tag, _q, id: string) => {
    const text = texts.get(id)
    return text === undefined ? tag : `${tag}<div>${escapeHtml(text).replace(/\n/g, '<br>\n')}</div>`
  })
}

/**
 * `search.options._render`: VitePress's own rendering (skip pages with
 * `search: false` in the frontmatter), plus the comparison tables and the
 * diagrams' titles and descriptions (scripts/diagrams/search.ts).
 */
export async function renderForSearch(
  src: string,
  env: MarkdownEnv,
  // Only `render` is used; VitePress's own and @types/markdown-it's types differ.
  md: { render(src: string, env?: MarkdownEnv): string },
): Promise<string> {
  const html = md.render(src, env)
  if (env.frontmatter?.search === false) return ''
  return inlineTables(inlineDiagrams(html))
}
