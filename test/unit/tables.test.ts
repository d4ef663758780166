// Every comparison table is well-formed and used, and every <CompareTable id>
// used in docs/ exists.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Cell, ComparisonTable } from '../../docs/.vitepress/data/tables/types'

const ROOT = path.resolve(__dirname, '../..')
const DOCS = path.join(ROOT, 'docs')
const TABLES = path.join(DOCS, '.vitepress/data/tables')

const files = fs
  .readdirSync(TABLES)
  .filter((f) => f.endsWith('.ts') && f !== 'types.ts' && f !== 'index.ts' && !f.endsWith('.test.ts'))
  .sort()

function markdownFiles(dir: string): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || (e.name.startsWith('.') && e.name !== '.vitepress')) continue
    const p = path.join(dir, e.name)
    if (e.isDirectory()) {
      if (p.startsWith(path.join(DOCS, '.vitepress'))) continue
      out.push(...markdownFiles(p))
    } else if (e.name.endsWith('.md')) out.push(p)
  }
  return out
}

/** `<CompareTable id="…" />` uses in the Markdown pages, outside fenced code. */
const uses = new Map<string, string[]>()
for (const file of markdownFiles(DOCS)) {
  let fence: string | null = null
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line)
    if (fence) {
      if (f && f[1]!.startsWith(fence)) fence = null
      continue
    }
    if (f) {
      fence = f[1]!
      continue
    }
    for (const m of line.matchAll(/<CompareTable\s+id="([^"]+)"/g)) {
      const rel = path.relative(DOCS, file)
      uses.set(m[1]!, [...(uses.get(m[1]!) ?? []), rel])
    }
  }
}

const text = (c: Cell | undefined) => (c === undefined ? '' : typeof c === 'string' ? c : c.text)

describe('comparison tables', () => {
  it('there is at least one table', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  describe.each(files)('%s', async (file) => {
    const table = ((await import(/* @vite-ignore */ path.join(TABLES, file))) as { default: ComparisonTable }).default

    it('has an id equal to its file name', () => {
      expect(table.id).toBe(file.slice(0, -'.ts'.length))
    })

    it('has a caption, columns and rows', () => {
      expect(table.caption.trim()).not.toBe('')
      expect(table.columns.length).toBeGreaterThan(1)
      expect(table.rows.length).toBeGreaterThan(0)
      expect(new Set(table.columns.map((c) => c.key)).size).toBe(table.columns.length)
      expect(table.columns.map((c) => c.key)).toContain(table.rowHeader)
    })

    it('fills every column of every row with non-empty text', () => {
      table.rows.forEach((row, i) => {
        for (const col of table.columns) {
          expect(text(row[col.key]).trim(), `row ${i + 1}, column ${col.key}`).not.toBe('')
        }
        expect(Object.keys(row).sort(), `row ${i + 1} has keys that are not columns`).toEqual(
          table.columns.map((c) => c.key).sort(),
        )
      })
    })

    it('is used by a page in docs/', () => {
      expect(uses.get(table.id), `no page has <CompareTable id="${table.id}" />`).toBeDefined()
    })
  })

  it('every <CompareTable id> used in docs/ exists', () => {
    const ids = new Set(files.map((f) => f.slice(0, -'.ts'.length)))
    const missing = [...uses].filter(([id]) => !ids.has(id)).map(([id, pages]) => `${id} (${pages.join(', ')})`)
    expect(missing).toEqual([])
  })
})
