// Reads the Markdown pages of docs/ the way the content tests need them.
import fs from 'node:fs'
import path from 'node:path'
import { DOCS } from './paths'

export interface Page {
  /** Path relative to docs/, e.g. `luajit/ffi.md`. */
  file: string
  frontmatter: Record<string, string>
  /** Lines of the body, with fenced code blocks blanked out (line numbers kept). */
  prose: string[]
  /** Line number (1-based) in the file of prose[0]. */
  bodyStart: number
}

export function listMarkdown(dir = DOCS, prefix = ''): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'public' || e.name === 'node_modules') continue
    const rel = prefix ? `${prefix}/${e.name}` : e.name
    if (e.isDirectory()) out.push(...listMarkdown(dir, rel))
    else if (e.name.endsWith('.md')) out.push(rel)
  }
  return out.sort()
}

/** Top-level `key: value` pairs of the YAML frontmatter (enough for title/description/layout). */
function parseFrontmatter(lines: string[]): { data: Record<string, string>; end: number } {
  const data: Record<string, string> = {}
  if (lines[0] !== '---') return { data, end: 0 }
  const end = lines.indexOf('---', 1)
  if (end < 0) throw new Error('unterminated frontmatter')
  for (const line of lines.slice(1, end)) {
    const m = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line)
    if (m) data[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, '$2').trim()
  }
  return { data, end: end + 1 }
}

export function readPage(file: string): Page {
  const lines = fs.readFileSync(path.join(DOCS, file), 'utf8').split('\n')
  const { data, end } = parseFrontmatter(lines)
  const body = lines.slice(end)
  let fence: string | null = null
  const prose = body.map((line) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(line)
    if (fence) {
      if (m && m[1]!.startsWith(fence)) fence = null
      return ''
    }
    if (m) {
      fence = m[1]!
      return ''
    }
    return line
  })
  return { file, frontmatter: data, prose, bodyStart: end + 1 }
}

/** Built HTML file for a docs/ Markdown path under clean URLs. */
export function htmlFor(file: string): string {
  return file.replace(/\.md$/, '.html')
}
