// The "#" link VitePress puts inside each heading, with a Chinese accessible
// name (VitePress's own says `Permalink to "…"`).
import type { MarkdownOptions } from 'vitepress'

type Permalink = Extract<NonNullable<NonNullable<MarkdownOptions['anchor']>['permalink']>, (...args: never[]) => unknown>

export const headingPermalink: Permalink = (slug, _opts, state, idx) => {
  const inline = state.tokens[idx + 1]
  if (!inline?.children) return
  const title = inline.content.replace(/\s*\{#[^}]*\}\s*$/, '').trim()
  const open = new state.Token('link_open', 'a', 1)
  open.attrs = [
    ['class', 'header-anchor'],
    ['href', `#${slug}`],
    ['aria-label', `指向“${title}”的链接`],
  ]
  const symbol = new state.Token('html_inline', '', 0)
  symbol.content = '&ZeroWidthSpace;'
  inline.children.push(open, symbol, new state.Token('link_close', 'a', -1))
}
