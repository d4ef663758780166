// The one-page book's assembly (docs/.vitepress/book/assemble.ts) on small
// made-up chapters, and on the real docs in sidebar order.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { assembleBook, chapterId, type BookChapter } from '../../docs/.vitepress/book/assemble'
import { bookChapters, formatBytes, readPdfInfo } from '../../docs/.vitepress/plugins/book'
import { DOCS, ROOT } from '../support/paths'

const A: BookChapter = { part: '第一部分', text: '甲', link: '/a/', source: 'a/index.md' }
const B: BookChapter = { part: '第一部分', text: '乙', link: '/a/b', source: 'a/b.md' }
const C: BookChapter = { part: '附录', text: '丙', link: '/c', source: 'c.md' }

function book(files: Record<string, string>, chapters = [A, B, C]): string {
  return assembleBook(chapters, (source) => {
    const text = files[source]
    if (text === undefined) throw new Error(`no ${source}`)
    return text
  })
}

const page = (title: string, body: string) => `---\ntitle: ${title}\ndescription: x\n---\n\n# ${title} {#top}\n\n${body}\n`

const FILES = {
  'a/index.md': page('甲', '## 一节 {#one}\n\n见[乙的二节](/a/b#two)、[本章](#top)、[丙](/c)、[首页](/)。\n\n```lua\n# not a heading\nprint("[x](/a/b#two)")\n```'),
  'a/b.md': page('乙', '## 二节 {#two}\n\n### 小节 {#sub}\n\n[相对链接](./index.md#one)，`[代码里](/c)` 不改，[外链](https://example.com/x#y)。\n\n[ref]: /c#three'),
  'c.md': page('丙', '## 三节 {#three}\n\n回到[甲](/a/)。'),
}

describe('assembleBook', () => {
  const md = book(FILES)

  it('gives chapter ids from their links', () => {
    expect([chapterId('/a/'), chapterId('/a/b'), chapterId('/c'), chapterId('/')]).toEqual(['a', 'a-b', 'c', 'home'])
  })

  it('lists the chapters by part in a table of contents, then the chapters in order', () => {
    expect(md).toContain('## 目录 {#book-contents}\n\n- 第一部分\n  - [甲](#a)\n  - [乙](#a-b)\n- 附录\n  - [丙](#c)')
    const order = ['<p class="book-part">第一部分</p>', '## 甲 {#a}', '## 乙 {#a-b}', '<p class="book-part">附录</p>', '## 丙 {#c}']
    const at = order.map((s) => md.indexOf(s))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((x, y) => x - y)).toEqual(at)
  })

  it('moves headings one level down and prefixes their anchors with the chapter id', () => {
    expect(md).toContain('### 一节 {#a--one}')
    expect(md).toContain('### 二节 {#a-b--two}')
    expect(md).toContain('#### 小节 {#a-b--sub}')
    expect(md.match(/^# .*/gm)).toEqual(['# not a heading']) // inside a code block
    expect(md).not.toContain('title: 甲')
  })

  it('turns links between chapters into links within the page; other links stay site links', () => {
    expect(md).toContain('[乙的二节](#a-b--two)')
    expect(md).toContain('[本章](#a)')
    expect(md).toContain('[丙](#c)')
    expect(md).toContain('[首页](/)')
    expect(md).toContain('[相对链接](#a--one)')
    expect(md).toContain('[外链](https://example.com/x#y)')
    expect(md).toContain('[ref]: #c--three')
    expect(md).toContain('回到[甲](#a)')
  })

  it('leaves code alone', () => {
    expect(md).toContain('# not a heading\nprint("[x](/a/b#two)")')
    expect(md).toContain('`[代码里](/c)`')
  })

  it('names the file and line of a link to an anchor the target does not have', () => {
    expect(() => book({ ...FILES, 'c.md': page('丙', '## 三节 {#three}\n\n[坏链接](/a/b#nope)') })).toThrow(
      'docs/c.md:10: links to #nope, but docs/a/b.md has no heading {#nope}',
    )
  })

  it('names the file and line of a heading without an anchor, or one too deep to move down', () => {
    expect(() => book({ ...FILES, 'c.md': page('丙', '## 三节 {#three}\n\n## 没有锚点') })).toThrow('docs/c.md:10: heading "没有锚点" has no {#id} anchor')
    expect(() => book({ ...FILES, 'c.md': page('丙', '## 三节 {#three}\n\n###### 六级 {#six}') })).toThrow('docs/c.md:10: an H6 cannot move down')
  })

  it('needs exactly one H1 per chapter', () => {
    expect(() => book({ ...FILES, 'c.md': '---\ntitle: 丙\n---\n\n## 三节 {#three}\n' })).toThrow('docs/c.md: the one-page book needs exactly one H1 per chapter, found 0')
  })

  it('assembles the real docs in sidebar order without an error', () => {
    const chapters = bookChapters()
    const real = assembleBook(chapters, (s) => fs.readFileSync(path.join(DOCS, s), 'utf8'))
    const titles = [...real.matchAll(/^## (.+) \{#([\w-]+)\}$/gm)].map((m) => m[2])
    expect(titles).toEqual(['book-contents', ...chapters.map((c) => chapterId(c.link))])
  })
})

describe('the PDF on the home page', () => {
  it('reads size and date from a PDF Chromium wrote, and nothing when there is none', () => {
    const dir = path.join(ROOT, 'test/.output/unit-book')
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, 'x.pdf')
    fs.writeFileSync(file, '%PDF-1.4\n1 0 obj\n<</Title (x)\n/CreationDate (D:20261130023000+00\'00\')>>\nendobj\n')
    expect(readPdfInfo(file)).toEqual({ bytes: fs.statSync(file).size, date: '2026-11-30' })
    expect(readPdfInfo(path.join(dir, 'missing.pdf'))).toBeNull()
    fs.writeFileSync(file, '%PDF-1.4\n')
    expect(() => readPdfInfo(file)).toThrow(/no \/CreationDate/)
    expect([formatBytes(500), formatBytes(8_090_531)]).toEqual(['1 KB', '7.7 MB'])
  })
})
