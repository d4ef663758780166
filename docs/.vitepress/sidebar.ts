// The one list of chapters: the nav, the sidebar and the content tests all read it.
import type { DefaultTheme } from 'vitepress'

export interface Chapter {
  text: string
  /** Clean URL without base, e.g. `/luajit/ffi`; `/luajit/` is `docs/luajit/index.md`. */
  link: string
}

export interface Part {
  text: string
  base: string
  chapters: Chapter[]
}

export const parts: Part[] = [
  {
    text: 'LuaJIT',
    base: '/luajit/',
    chapters: [
      { text: 'LuaJIT 概览', link: '/luajit/' },
      { text: 'lua-resty-core 与 FFI', link: '/luajit/resty-core' },
      { text: 'FFI 与内存归属', link: '/luajit/ffi' },
      { text: 'nil 与各种空值', link: '/luajit/nil-values' },
      { text: '非阻塞模型', link: '/luajit/non-blocking' },
    ],
  },
  {
    text: 'test::nginx',
    base: '/test-nginx/',
    chapters: [
      { text: 'test::nginx 入门', link: '/test-nginx/' },
      { text: '块与段', link: '/test-nginx/sections' },
      { text: '调试与运行模式', link: '/test-nginx/debugging' },
      { text: '完整示例', link: '/test-nginx/example' },
    ],
  },
  {
    text: 'ngx_lua',
    base: '/ngx-lua/',
    chapters: [
      { text: '请求阶段与 API 上下文', link: '/ngx-lua/phases' },
      { text: '常见报错', link: '/ngx-lua/troubleshooting' },
    ],
  },
  {
    text: '性能',
    base: '/performance/',
    chapters: [
      { text: '性能优化原则', link: '/performance/' },
      { text: '性能分析工具', link: '/performance/profiling' },
      { text: '读懂火焰图', link: '/performance/flame-graph' },
      { text: '共享字典与 lrucache', link: '/performance/caching' },
      { text: 'lua-resty-mlcache', link: '/performance/mlcache' },
    ],
  },
]

export const extraPages: Chapter[] = [
  { text: '术语表', link: '/glossary' },
  { text: '参考资料', link: '/references' },
]

/** Markdown source of a chapter link, relative to `docs/`. */
export function sourceOf(link: string): string {
  return link.endsWith('/') ? `${link.slice(1)}index.md` : `${link.slice(1)}.md`
}

export const nav: DefaultTheme.NavItem[] = [
  ...parts.map((p) => ({ text: p.text, link: p.chapters[0]!.link, activeMatch: `^${p.base}` })),
  { text: '术语表', link: '/glossary' },
  { text: '参考资料', link: '/references' },
]

export const sidebar: DefaultTheme.Sidebar = Object.fromEntries(
  parts.map((p) => [
    p.base,
    parts.map((q) => ({
      text: q.text,
      collapsed: q !== p,
      items: q.chapters.map((c) => ({ text: c.text, link: c.link })),
    })),
  ]),
)
