// The glossary data (docs/.vitepress/data/glossary.ts), its rendering into
// docs/glossary.md, and the synonym table the search box gets from it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { GLOSSARY, type GlossaryEntry } from '../../docs/.vitepress/data/glossary'
import { chapterAnchor, GLOSSARY_MARKER, headingsOf, renderGlossary, resolveGlossary } from '../../docs/.vitepress/plugins/glossary'
import { siteSearchSource, themeComponentNames } from '../../docs/.vitepress/plugins/site-search'
import { entryForms, synonymTable } from '../../docs/.vitepress/search/synonyms'
import { normalizeForm } from '../../docs/.vitepress/search/query'
import { extraPages, parts, sourceOf } from '../../docs/.vitepress/sidebar'
import { DOCS } from '../support/paths'

const chapterLinks = [...parts.flatMap((p) => p.chapters), ...extraPages].map((c) => c.link)

describe('glossary data', () => {
  it('has at least 150 entries, from every part of the site', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(150)
    for (const part of parts) {
      expect(GLOSSARY.filter((e) => e.link.startsWith(part.base)).length, part.text).toBeGreaterThanOrEqual(20)
    }
  })

  it('gives every entry a unique stable English anchor that no chapter group uses', () => {
    const ids = GLOSSARY.map((e) => e.id)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
    for (const id of ids) expect(id, id).toMatch(/^[a-z0-9][a-z0-9-]*$/)
    const groups = new Set(chapterLinks.map(chapterAnchor))
    expect(ids.filter((id) => groups.has(id) || id === 'top')).toEqual([])
  })

  it('has no duplicate term', () => {
    const terms = GLOSSARY.map((e) => normalizeForm(e.term))
    expect(terms.filter((t, i) => terms.indexOf(t) !== i)).toEqual([])
  })

  it('maps every form (term, English name, API name, variant) to exactly one entry', () => {
    const owner = new Map<string, string[]>()
    for (const e of GLOSSARY) {
      for (const f of new Set(entryForms(e).map(normalizeForm))) owner.set(f, [...(owner.get(f) ?? []), e.id])
    }
    const shared = [...owner].filter(([, ids]) => ids.length > 1).map(([f, ids]) => `${f}: ${ids.join(', ')}`)
    expect(shared).toEqual([])
    expect(owner.has(''), 'an empty form').toBe(false)
  })

  it('writes a one-line definition ending in a full stop, and a link to a section', () => {
    for (const e of GLOSSARY) {
      expect(e.definition, e.id).not.toMatch(/\n/)
      expect(e.definition, e.id).toMatch(/。$/)
      expect(e.link, e.id).toMatch(/^\/[^#\s]*#[a-z0-9][a-z0-9-]*$/)
    }
  })
})

describe('glossary links', () => {
  it('every entry links to a page of the chapter list and a heading that exists there', () => {
    const resolved = resolveGlossary()
    for (const e of resolved) {
      const [page, anchor] = e.link.split('#')
      expect(chapterLinks, e.id).toContain(page)
      const headings = headingsOf(fs.readFileSync(path.join(DOCS, sourceOf(page!)), 'utf8'))
      expect(headings.has(anchor!), `${e.id}: ${e.link}`).toBe(true)
    }
  })

  it('a link to a missing heading fails with the entry named', () => {
    const bad: GlossaryEntry[] = [{ id: 'broken', term: '坏链接', definition: '测试用。', link: '/luajit/ffi#no-such-heading' }]
    expect(() => resolveGlossary(bad)).toThrow(/glossary entry "broken" links to \/luajit\/ffi#no-such-heading, but docs\/luajit\/ffi\.md has no heading \{#no-such-heading\}/)
    const offSite: GlossaryEntry[] = [{ id: 'broken', term: '坏链接', definition: '测试用。', link: '/nowhere#x' }]
    expect(() => resolveGlossary(offSite)).toThrow(/not a page in docs\/\.vitepress\/sidebar\.ts/)
  })

  it('reads heading anchors outside code fences only', () => {
    const md = ['## 一 {#one}', '```md', '## 二 {#two}', '```', '### 三 `x` {#three}'].join('\n')
    expect([...headingsOf(md)]).toEqual([
      ['one', '一'],
      ['three', '三 `x`'],
    ])
  })
})

describe('the glossary page', () => {
  const page = fs.readFileSync(path.join(DOCS, 'glossary.md'), 'utf8')
  const rendered = renderGlossary()

  it('docs/glossary.md holds the marker the renderer replaces', () => {
    expect(page).toContain(GLOSSARY_MARKER)
  })

  it('renders one H3 per entry with its anchor, grouped under one H2 per chapter in sidebar order', () => {
    const h3 = [...rendered.matchAll(/^### .* \{#([a-z0-9-]+)\}$/gm)].map((m) => m[1])
    expect(h3.sort()).toEqual(GLOSSARY.map((e) => e.id).sort())
    const h2 = [...rendered.matchAll(/^## .* \{#([a-z0-9-]+)\}$/gm)].map((m) => m[1]!)
    const order = chapterLinks.map(chapterAnchor)
    expect(h2.map((a) => order.indexOf(a))).toEqual([...h2.map((a) => order.indexOf(a))].sort((a, b) => a - b))
    expect(h2.length).toBeGreaterThanOrEqual(10)
  })

  it('shows each entry’s names, variants, definition and a link to its section', () => {
    const gc = rendered.slice(rendered.indexOf('{#garbage-collection}'))
    const block = gc.slice(0, gc.indexOf('\n### '))
    expect(block).toContain('英文：garbage collection')
    expect(block).toContain('API：`GC`、`collectgarbage`')
    expect(block).toContain('也写作：垃圾收集')
    expect(block).toContain('[详见：性能优化原则 › 避免产生中间数据](/performance/#avoid-garbage)')
  })

  it('escapes Markdown in names', () => {
    expect(rendered).toContain('### \\_\\_DATA\\_\\_ {#data-marker}')
    expect(rendered).toContain('### lua-resty-\\* 库 {#lua-resty-libraries}')
  })

  it('fails the build for a wrong link, naming docs/.vitepress/data/glossary.ts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-'))
    fs.mkdirSync(path.join(dir, 'luajit'))
    fs.writeFileSync(path.join(dir, 'luajit/index.md'), '# x {#top}\n')
    const entry = GLOSSARY.find((e) => e.link.startsWith('/luajit/#'))!
    expect(() => renderGlossary([entry], dir)).toThrow(new RegExp(`docs/\\.vitepress/data/glossary\\.ts:\\d+: glossary entry "${entry.id}"`))
  })
})

describe('the synonym table', () => {
  const table = synonymTable(GLOSSARY)

  it('has one row per entry, every form normalized', () => {
    expect(table).toHaveLength(GLOSSARY.length)
    for (const row of table) for (const f of row.forms) expect(f).toBe(normalizeForm(f))
  })

  it('stays small in the search box chunk (a few KB gzip, against the index’s 200 KB)', () => {
    const source = siteSearchSource(table)
    expect(zlib.gzipSync(source).length).toBeLessThan(12_000)
  })
})

describe('the search box module', () => {
  it('gives the excerpts’ app a stand-in for every theme component, FlameGraph among them', () => {
    const names = themeComponentNames()
    expect(names).toContain('FlameGraph')
    expect(names).toContain('CompareTable')
    const source = siteSearchSource([], names)
    const listed = JSON.parse(/const components = (\[.*\])/.exec(source)![1]!) as string[]
    expect(listed).toEqual(names)
    expect(source).toMatch(/export const stubComponents = \(app\) => \{ for \(const name of components\) app\.component\(name, empty\) \}/)
  })
})
