// Diagram text for the local search index (Node only, at build time).
//
// VitePress indexes the HTML markdown-it renders, where `<Diagram name="…" />`
// is still just a tag: the title and description the component shows never
// reach the index. `inlineDiagrams()` puts them after the tag, for the index
// only; docs/.vitepress/search/render.ts can call it next to its tables.
import { readManifest, type Manifest } from './source'

const TAG = /<Diagram\b[^>]*?\bname=(["'])([\w.-]+)\1[^>]*?\/?>(?:\s*<\/Diagram>)?/g

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The searchable text of one diagram: its title, then its description. */
export function diagramText(manifest: Manifest, name: string): string | undefined {
  const d = manifest.diagrams[name]
  return d ? `图：${d.title}。${d.description}` : undefined
}

/** Appends each `<Diagram name>`'s title and description (as a paragraph) after its tag. */
export function inlineDiagrams(html: string, manifest: Manifest = readManifest()): string {
  return html.replace(TAG, (tag, _q, name: string) => {
    const text = diagramText(manifest, name)
    return text === undefined ? tag : `${tag}<p>${escapeHtml(text)}</p>`
  })
}
