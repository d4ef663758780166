// Marks autolinks (`<https://…>`, whose text is already the URL) with the
// class `bare-url`, so the print stylesheet does not print the URL twice.
import type { MarkdownRenderer } from 'vitepress'

export function bareUrlPlugin(md: MarkdownRenderer): void {
  md.core.ruler.push('bare-url', (state) => {
    for (const block of state.tokens) {
      for (const t of block.children ?? []) {
        if (t.type === 'link_open' && t.markup === 'autolink') t.attrJoin('class', 'bare-url')
      }
    }
  })
}
