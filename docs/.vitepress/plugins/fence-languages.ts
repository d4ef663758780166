// Fails the build on a code fence whose language Shiki does not know.
// VitePress only warns and falls back to plain text, which hides typos such as
// ```lau; here the error names the Markdown file and line.
import type { MarkdownRenderer } from 'vitepress'
import { bundledLanguages, bundledLanguagesAlias } from 'shiki'

/** Plain-text names VitePress accepts in addition to Shiki's languages. */
const PLAIN = ['text', 'txt', 'plain', 'plaintext', 'ansi']

export const knownLanguages: ReadonlySet<string> = new Set([
  ...Object.keys(bundledLanguages),
  ...Object.keys(bundledLanguagesAlias),
  ...PLAIN,
])

/** The language word of a fence info string such as `lua{2} [demo.lua]` or `nginx:line-numbers`. */
export function fenceLanguage(info: string): string {
  return info.trim().split(/[\s{:[]/)[0] ?? ''
}

export class FenceLanguageError extends Error {}

export function fenceLanguagesPlugin(md: MarkdownRenderer): void {
  md.core.ruler.push('check_fence_languages', (state) => {
    const file = (state.env as { relativePath?: string }).relativePath ?? '(unknown file)'
    for (const token of state.tokens) {
      if (token.type !== 'fence') continue
      const line = (token.map?.[0] ?? 0) + 1
      const lang = fenceLanguage(token.info)
      if (lang === '') {
        throw new FenceLanguageError(`docs/${file}:${line}: code fence has no language; write \`\`\`text for plain text`)
      }
      if (lang === 'mermaid') {
        throw new FenceLanguageError(`docs/${file}:${line}: mermaid fences are not rendered here; put the diagram in docs/image/*.mmd and use <Diagram name="…" />`)
      }
      if (!knownLanguages.has(lang.toLowerCase())) {
        throw new FenceLanguageError(`docs/${file}:${line}: unknown code-fence language "${lang}"`)
      }
    }
  })
}
