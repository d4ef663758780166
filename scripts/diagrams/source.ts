// Reading diagram sources and the manifest of rendered SVGs. Nothing here needs
// a browser: `npm run diagrams:check` and the unit tests use it to find
// diagrams whose source changed after their SVG was rendered.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { IMAGE_DIR, MANIFEST_NAME, ROOT, rendererSettings } from './config'

export interface DiagramSource {
  /** File name without `.mmd`; what `<Diagram name="…" />` takes. */
  name: string
  /** Absolute path of the `.mmd` file. */
  file: string
  text: string
}

export interface DiagramEntry {
  /** sha256 of the source text and the renderer settings it was rendered with. */
  hash: string
  /** Mermaid `accTitle:`, the figure's accessible name. */
  title: string
  /** Mermaid `accDescr`, the figure's text description. */
  description: string
  /** Intrinsic size of the SVG in CSS pixels (both themes share the layout). */
  width: number
  height: number
  /** File names, relative to the manifest. */
  light: string
  dark: string
}

export interface Manifest {
  generator: string
  diagrams: Record<string, DiagramEntry>
}

export class DiagramSourceError extends Error {}

/** Path for messages: relative to the repository when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(ROOT, file)
  return rel.startsWith('..') ? file : rel
}

export function listSources(dir: string = IMAGE_DIR): DiagramSource[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mmd'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f)
      return { name: f.slice(0, -'.mmd'.length), file, text: readFileSync(file, 'utf8') }
    })
}

export function hashSource(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n')
  return createHash('sha256').update(JSON.stringify({ source: normalized, settings: rendererSettings() })).digest('hex')
}

export interface Accessibility {
  title: string
  description: string
}

/**
 * The `accTitle:` and `accDescr` of a source (single-line `accDescr: …` or
 * block `accDescr { … }`). Throws, naming file and line, when either is missing.
 */
export function readAccessibility(src: DiagramSource): Accessibility {
  const lines = src.text.replace(/\r\n?/g, '\n').split('\n')
  let title: string | undefined
  let description: string | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    let m: RegExpMatchArray | null
    if ((m = line.match(/^accTitle\s*:\s*(.*)$/))) {
      title = m[1]!.trim()
    } else if ((m = line.match(/^accDescr\s*:\s*(.*)$/))) {
      description = m[1]!.trim()
    } else if ((m = line.match(/^accDescr\s*\{(.*)$/))) {
      const parts: string[] = []
      let rest = m[1]!
      let j = i
      for (;;) {
        const close = rest.indexOf('}')
        if (close >= 0) {
          parts.push(rest.slice(0, close))
          break
        }
        parts.push(rest)
        j++
        if (j >= lines.length) {
          throw new DiagramSourceError(`${displayPath(src.file)}:${i + 1}: accDescr { has no closing }`)
        }
        rest = lines[j]!
      }
      description = parts.map((p) => p.trim()).filter(Boolean).join('')
      i = j
    }
  }
  if (!title) throw new DiagramSourceError(`${displayPath(src.file)}:1: no "accTitle: …" line (the diagram's accessible name)`)
  if (!description) throw new DiagramSourceError(`${displayPath(src.file)}:1: no "accDescr: …" or "accDescr { … }" (the diagram's text description)`)
  return { title, description }
}

export function manifestPath(dir: string = IMAGE_DIR): string {
  return path.join(dir, MANIFEST_NAME)
}

export function readManifest(dir: string = IMAGE_DIR): Manifest {
  const file = manifestPath(dir)
  if (!existsSync(file)) return { generator: '', diagrams: {} }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest
}

/** Stable text for the manifest: entries sorted by name. */
export function serializeManifest(m: Manifest): string {
  const diagrams = Object.fromEntries(Object.keys(m.diagrams).sort().map((k) => [k, m.diagrams[k]!]))
  return `${JSON.stringify({ generator: m.generator, diagrams }, null, 2)}\n`
}

/**
 * Every problem that makes the committed SVGs disagree with their sources,
 * one message per problem, each naming the file. Empty when all is current.
 */
export function findStaleDiagrams(dir: string = IMAGE_DIR): string[] {
  const problems: string[] = []
  const manifest = readManifest(dir)
  const mf = displayPath(manifestPath(dir))
  const sources = listSources(dir)
  const names = new Set(sources.map((s) => s.name))
  for (const src of sources) {
    const where = displayPath(src.file)
    try {
      readAccessibility(src)
    } catch (e) {
      problems.push((e as Error).message)
    }
    const entry = manifest.diagrams[src.name]
    if (!entry) {
      problems.push(`${where}: never rendered (no "${src.name}" in ${mf}); run \`npm run diagrams\``)
      continue
    }
    const hash = hashSource(src.text)
    if (entry.hash !== hash) {
      problems.push(
        `${where}: changed since ${entry.light} was rendered (source or renderer settings; hash ${entry.hash.slice(0, 12)} ≠ ${hash.slice(0, 12)}); run \`npm run diagrams\``,
      )
    }
    for (const f of [entry.light, entry.dark]) {
      if (!existsSync(path.join(dir, f))) problems.push(`${where}: rendered file ${displayPath(path.join(dir, f))} is missing; run \`npm run diagrams\``)
    }
  }
  for (const name of Object.keys(manifest.diagrams)) {
    if (!names.has(name)) problems.push(`${mf}: entry "${name}" has no ${displayPath(path.join(dir, `${name}.mmd`))}; run \`npm run diagrams\` to drop it`)
  }
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.svg'))) {
      const base = f.replace(/(\.dark)?\.svg$/, '')
      if (!names.has(base)) problems.push(`${displayPath(path.join(dir, f))}: no source ${base}.mmd; delete it or add the source`)
    }
  }
  return problems
}
