// The site's Markdown settings, through VitePress's own renderer with the
// real config: the rules a writer relies on without seeing them.
import { createMarkdownRenderer } from 'vitepress'
import { beforeAll, describe, expect, it } from 'vitest'
import config from '../../docs/.vitepress/config.mts'
import { DOCS } from '../support/paths'

type Renderer = Awaited<ReturnType<typeof createMarkdownRenderer>>
let md: Renderer

beforeAll(async () => {
  md = await createMarkdownRenderer(DOCS, config.markdown, '/')
})

const render = (src: string, relativePath = 'luajit/demo.md') => md.render(src, { relativePath })

describe('Markdown rendering', () => {
  it('makes CJK emphasis bold even when the bold text ends in full-width punctuation', () => {
    expect(render('**注意：**不要这样做。')).toContain('<strong>注意：</strong>不要这样做。')
  })

  it('fails on an unknown code-fence language with the file and line', () => {
    expect(() => render('正文\n\n```lau\nprint(1)\n```\n')).toThrow('docs/luajit/demo.md:3: unknown code-fence language "lau"')
  })

  it('fails on a code fence without a language', () => {
    expect(() => render('```\nx\n```\n')).toThrow(/docs\/luajit\/demo\.md:1: code fence has no language/)
  })

  it('refuses mermaid fences (diagrams are pre-rendered)', () => {
    expect(() => render('```mermaid\ngraph TD\n```\n')).toThrow(/Diagram/)
  })

  it('accepts every language the chapters use', () => {
    for (const lang of ['lua', 'nginx', 'perl', 'bash', 'c', 'text', 'ts', 'json', 'shell'])
      expect(() => render('```' + lang + '\nx\n```\n')).not.toThrow()
  })

  it('keeps {{ }} inside inline code literal (v-pre)', () => {
    expect(render('写成 `{{ ngx.var.uri }}` 即可')).toMatch(/<code v-pre="">\{\{ ngx\.var\.uri \}\}<\/code>/)
  })

  it('uses the English anchor written after a Chinese heading', () => {
    expect(render('## 共享字典 {#shared-dict}')).toMatch(/<h2 id="shared-dict"[^>]*>共享字典<a class="header-anchor" href="#shared-dict" aria-label="指向“共享字典”的链接">/)
  })

  it('highlights Lua inside header_filter_by_lua_block and body_filter_by_lua_block', () => {
    const html = render(
      '```nginx\nlocation /t {\n    header_filter_by_lua_block {\n        local t = {}\n        ngx.header.foo = "bar"\n    }\n    body_filter_by_lua_block {\n        local n = 1\n    }\n}\n```\n',
    )
    // Lua keywords get a token span of their own in both filter blocks.
    expect(html.match(/<span[^>]*>\s*local<\/span>/g) ?? []).toHaveLength(2)
    // The block does not end at the `}` of `{}`: the Lua string after it is still coloured as a string,
    // unlike the nginx-level text around it.
    const style = (text: string) => new RegExp(`<span style="([^"]*)">${text}</span>`).exec(html)?.[1]
    expect(style(' "bar"')).toBeDefined()
    expect(style(' "bar"')).not.toBe(style('    }'))
  })
})
