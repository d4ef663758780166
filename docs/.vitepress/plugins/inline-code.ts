// Inline code is literal text: mark it v-pre so `{{ x }}` or `ngx.var.{{ }}`
// in backticks is not evaluated (and emptied) by Vue's template compiler.
import type { MarkdownRenderer } from 'vitepress'

export function inlineCodeVPrePlugin(md: MarkdownRenderer): void {
  const render = md.renderer.rules.code_inline!
  md.renderer.rules.code_inline = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet('v-pre', '')
    return render(tokens, idx, options, env, self)
  }
}
