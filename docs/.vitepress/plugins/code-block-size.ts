// Gives every code block its line count as a CSS variable, so that the
// browser can skip rendering the blocks far from the viewport
// (`content-visibility: auto`, in theme/styles/custom.css) while reserving
// their real height: lines never wrap (a block scrolls sideways), so the
// height is lines × line height + padding, and skipping moves nothing.
//
// Why: on a long chapter most DOM nodes are Shiki's token spans; styling and
// laying them out all at load was the largest main-thread cost Lighthouse
// measured on a phone profile.
import type { MarkdownRenderer } from 'vitepress'

/** Lines a fence shows: its content minus the final newline. */
export function fenceLineCount(content: string): number {
  const body = content.endsWith('\n') ? content.slice(0, -1) : content
  return body.split('\n').length
}

export function codeBlockSizePlugin(md: MarkdownRenderer): void {
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const html = fence(tokens, idx, options, env, self)
    const lines = fenceLineCount(tokens[idx]!.content)
    // VitePress wraps each block in <div class="language-xxx ...">.
    const out = html.replace(/^(\s*<div class="language-[^"]*")/, `$1 style="--code-lines:${lines}"`)
    if (out === html) throw new Error(`code-block-size: VitePress no longer wraps fences in <div class="language-…">: ${html.slice(0, 80)}`)
    return out
  }
}
