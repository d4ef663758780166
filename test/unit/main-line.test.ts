// Every chapter reads in one pass: its main line (outside folded `::: details
// 深入：…` blocks) stays within MAIN_LINE_LIMIT lines, and the folded blocks are
// well formed (titled, not nested, no headings inside).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parts, sourceOf } from '../../docs/.vitepress/sidebar'
import { MAIN_LINE_LIMIT, mainLineOf } from '../../scripts/editorial/main-line'
import { DOCS } from '../support/paths'

describe('mainLineOf', () => {
  it('counts the lines outside details blocks, the block markers included in the block', () => {
    const r = mainLineOf(['# T', '', 'a', '::: details 深入：x', 'b', 'c', ':::', 'd', ''].join('\n'))
    expect(r).toEqual({ lines: 4, folded: 4, titles: ['深入：x'], problems: [] })
  })

  it('keeps other containers on the main line and sees through code fences', () => {
    const r = mainLineOf(['::: tip 提示', 'x', ':::', '```md', '::: details not a block', '```', '::: details 深入：y', '```lua', ':::', '```', ':::'].join('\n'))
    expect(r.lines).toBe(6)
    expect(r.folded).toBe(5)
    expect(r.titles).toEqual(['深入：y'])
  })

  it('handles a tip nested in a details block with a longer marker', () => {
    const r = mainLineOf([':::: details 深入：z', '::: tip', 'x', ':::', 'y', '::::', 'after'].join('\n'))
    expect(r).toMatchObject({ lines: 1, folded: 6, problems: [] })
  })

  it('reports an untitled block, a heading inside one, a nested one and an unclosed one, with lines', () => {
    expect(mainLineOf(['::: details 更多', 'x', ':::'].join('\n')).problems).toEqual(['line 1: a folded block\'s title must start with "深入：" (got "更多")'])
    expect(mainLineOf(['::: details 深入：a', '## 小节', ':::'].join('\n')).problems).toEqual(['line 2: a heading inside a folded block (the outline would link to hidden text)'])
    expect(mainLineOf([':::: details 深入：a', '::: details 深入：b', ':::', '::::'].join('\n')).problems).toEqual(['line 2: a folded block inside another one'])
    expect(mainLineOf(['::: details 深入：a', '::: tip', ':::', ':::'].join('\n')).problems).toEqual([
      'line 2: a ::: container inside a ::: one closes it early; use a longer marker outside',
    ])
    expect(mainLineOf(['::: details 深入：a', 'x'].join('\n')).problems).toEqual(['line 1: container opened with ::: is never closed'])
  })
})

describe('every chapter', () => {
  const chapters = parts.flatMap((p) => p.chapters).map((c) => sourceOf(c.link))
  it.each(chapters)(`%s: main line within ${MAIN_LINE_LIMIT} lines, folded blocks well formed`, (source) => {
    const r = mainLineOf(fs.readFileSync(path.join(DOCS, source), 'utf8'))
    expect(r.problems, `docs/${source}`).toEqual([])
    expect(r.lines, `docs/${source}: ${r.lines} lines outside ::: details 深入：… blocks; fold deep dives or move them to another page`).toBeLessThanOrEqual(MAIN_LINE_LIMIT)
  })

  it('folds deep dives somewhere (the rule above counts real blocks)', () => {
    const folded = chapters.map((s) => mainLineOf(fs.readFileSync(path.join(DOCS, s), 'utf8')).titles.length)
    expect(folded.reduce((a, b) => a + b, 0)).toBeGreaterThan(chapters.length)
  })
})
