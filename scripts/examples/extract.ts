// Finds the code samples of the Markdown pages and the marker that says how to
// test each one (CONTRIBUTING.md, "代码示例"):
//
//   <!-- sample: run -->            + ```lua    run with luajit, compare `--> value`
//   <!-- sample: run-nginx -->      + ```lua    body of content_by_lua_block in nginx
//   <!-- sample: run GET /t -->     + ```nginx  server-level config, request the path(s)
//   <!-- sample: run -->            + ```perl   a Test::Nginx .t file, run by our harness
//   <!-- sample: check -->          + any       syntax check only
//   <!-- sample: fragment 理由 -->   + any       not run; the reason is for maintainers
//
// Every run sample runs on each build (scripts/examples/stacks.ts). When the
// builds print different things, the marker ends in `differs` (`run differs`,
// `run-nginx differs`, `run GET /t differs`) and the `-->` lines that hold for
// one build only carry its label: `--> [Debian] 0`, `--> [OpenResty] true`.
//
// The marker is the line right before the fence. A lua/nginx/perl fence with no
// marker is an error, and so is a marker that does not fit its fence.
import fs from 'node:fs'
import path from 'node:path'
import { BUILD_TAGS, expectedOutput } from './lex.ts'

export const SAMPLE_LANGS = ['lua', 'nginx', 'perl'] as const
export type SampleLang = (typeof SAMPLE_LANGS)[number]

export type SampleKind =
  | 'lua-run'
  | 'nginx-lua'
  | 'nginx-run'
  | 'test-nginx'
  | 'lua-check'
  | 'nginx-check'
  | 'perl-check'
  | 'fragment'

export interface HttpRequestSpec {
  method: string
  path: string
}

export interface Sample {
  /** Path relative to the repository root, e.g. `docs/luajit/ffi.md`. */
  file: string
  /** 1-based line of the opening fence. */
  line: number
  lang: SampleLang
  /** The marker word: run, run-nginx, check or fragment. */
  marker: 'run' | 'run-nginx' | 'check' | 'fragment'
  kind: SampleKind
  /** Requests of `run GET /a GET /b` (nginx samples). */
  requests: HttpRequestSpec[]
  /** Reason given by a fragment marker. */
  reason: string
  /** The marker ends in `differs`: the builds print different things, labelled per build. */
  differs: boolean
  /** Fence body with the fence's own indentation removed. */
  code: string
  /** 1-based line of the first code line. */
  codeLine: number
}

export interface SampleError {
  file: string
  line: number
  message: string
}

export interface Extracted {
  samples: Sample[]
  errors: SampleError[]
}

const MARKER = /^\s*<!--\s*sample:\s*(.*?)\s*-->\s*$/
const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/

function fenceLang(info: string): string {
  return (info.split(/[\s{:[]/)[0] ?? '').toLowerCase()
}

const METHODS = /^(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS)$/

/** Parses the text after `sample:`; returns an error message or the parsed marker. */
type ParsedMarker = { marker: Sample['marker']; requests: HttpRequestSpec[]; reason: string; differs: boolean }

function parseMarker(text: string): ParsedMarker | string {
  const m = /^(run-nginx|run|check|fragment)(?:\s+(.*))?$/.exec(text)
  if (!m) return `unknown sample marker "<!-- sample: ${text} -->"; use run, run-nginx, run GET /path, check or fragment <reason>`
  const marker = m[1] as Sample['marker']
  let rest = (m[2] ?? '').trim()
  if (marker === 'fragment') {
    if (rest === '') return 'a fragment marker needs a reason: <!-- sample: fragment 理由 -->'
    return { marker, requests: [], reason: rest, differs: false }
  }
  const differs = /(^|\s)differs$/.test(rest)
  if (differs) {
    if (marker === 'check') return '"check differs": only run samples declare differences between builds'
    rest = rest.replace(/(^|\s)differs$/, '').trim()
  }
  if (marker === 'run') {
    const words = rest === '' ? [] : rest.split(/\s+/)
    if (words.length % 2 !== 0) return `"run ${rest}": expected pairs of METHOD /path`
    const requests: HttpRequestSpec[] = []
    for (let k = 0; k < words.length; k += 2) {
      const method = words[k]!
      const p = words[k + 1]!
      if (!METHODS.test(method) || !p.startsWith('/')) return `"run ${rest}": expected pairs of METHOD /path, e.g. run GET /t`
      requests.push({ method, path: p })
    }
    return { marker, requests, reason: '', differs }
  }
  if (rest !== '') return `"${marker} ${rest}": ${marker} takes no arguments`
  return { marker, requests: [], reason: '', differs }
}

const LABELS = BUILD_TAGS.map((t) => `--> [${t}]`).join(' / ')

/** A `differs` marker needs per-build lines, and per-build lines need `differs`; null when consistent. */
function differsProblem(parsed: ParsedMarker, kind: SampleKind, code: string): string | null {
  // check and fragment samples compare no output: labels there are only for the reader.
  if (kind === 'fragment' || kind.endsWith('-check')) return null
  const labelled = expectedOutput(code).filter((e) => e.build !== undefined)
  if (parsed.differs && kind === 'test-nginx') return '"differs" is for lua and nginx samples with --> lines; a Test::Nginx sample states one expectation'
  if (parsed.differs && labelled.length === 0) return `the marker says "differs" but no --> line names a build; label what each build prints: ${LABELS}`
  if (!parsed.differs && labelled.length > 0) {
    return `--> lines name a build (line ${labelled[0]!.line} of the code) but the marker does not end in "differs"; write <!-- sample: ${parsed.marker}${parsed.requests.map((r) => ` ${r.method} ${r.path}`).join('')} differs -->`
  }
  return null
}

function kindOf(marker: Sample['marker'], lang: SampleLang, requests: HttpRequestSpec[]): SampleKind | string {
  if (marker === 'fragment') return 'fragment'
  if (marker === 'check') return lang === 'lua' ? 'lua-check' : lang === 'nginx' ? 'nginx-check' : 'perl-check'
  if (marker === 'run-nginx') {
    return lang === 'lua' ? 'nginx-lua' : `run-nginx is for \`\`\`lua fences (Lua code run in content_by_lua_block); for a \`\`\`${lang} fence use ${lang === 'nginx' ? 'run GET /path' : 'run'}`
  }
  // run
  if (lang === 'lua') return requests.length ? 'run GET /path is for ```nginx fences; a ```lua fence takes run or run-nginx' : 'lua-run'
  if (lang === 'nginx') return requests.length ? 'nginx-run' : 'a ```nginx fence needs the request(s) to make: <!-- sample: run GET /t -->'
  return requests.length ? 'a ```perl fence takes plain run (the requests are in the .t file)' : 'test-nginx'
}

/** Extracts the samples of one Markdown text. `file` is used in messages. */
export function extractSamples(markdown: string, file: string): Extracted {
  const lines = markdown.split(/\r?\n/)
  const samples: Sample[] = []
  const errors: SampleError[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    const open = FENCE_OPEN.exec(line)
    if (!open) {
      const mk = MARKER.exec(line)
      if (mk) {
        const next = lines[i + 1]
        if (next === undefined || !FENCE_OPEN.test(next)) {
          errors.push({ file, line: i + 1, message: `sample marker is not directly followed by a code fence (no blank line allowed between them)` })
        }
      }
      i++
      continue
    }
    const indent = open[1]!.length
    const fence = open[2]!
    const lang = fenceLang(open[3]! + open[4]!)
    // Find the closing fence.
    let j = i + 1
    const closeRe = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`)
    while (j < lines.length && !closeRe.test(lines[j]!)) j++
    const body = lines.slice(i + 1, j).map((l) => {
      let k = 0
      while (k < indent && l[k] === ' ') k++
      return l.slice(k)
    })
    const fenceLine = i + 1
    i = j + 1
    const prev = fenceLine >= 2 ? lines[fenceLine - 2]! : ''
    const mk = MARKER.exec(prev)
    const isSampleLang = (SAMPLE_LANGS as readonly string[]).includes(lang)
    if (!isSampleLang) {
      if (mk) errors.push({ file, line: fenceLine - 1, message: `sample marker before a \`\`\`${lang || '(no language)'} fence: markers are only for lua, nginx and perl fences` })
      continue
    }
    if (!mk) {
      errors.push({ file, line: fenceLine, message: `\`\`\`${lang} fence has no sample marker on the line before it; add <!-- sample: run --> (or run-nginx, run GET /path, check, fragment 理由)` })
      continue
    }
    const parsed = parseMarker(mk[1]!)
    if (typeof parsed === 'string') {
      errors.push({ file, line: fenceLine - 1, message: parsed })
      continue
    }
    const kind = kindOf(parsed.marker, lang as SampleLang, parsed.requests)
    if (!['lua-run', 'nginx-lua', 'nginx-run', 'test-nginx', 'lua-check', 'nginx-check', 'perl-check', 'fragment'].includes(kind)) {
      errors.push({ file, line: fenceLine - 1, message: kind })
      continue
    }
    const code = body.join('\n') + '\n'
    const problem = differsProblem(parsed, kind as SampleKind, code)
    if (problem) {
      errors.push({ file, line: fenceLine - 1, message: problem })
      continue
    }
    samples.push({
      file,
      line: fenceLine,
      lang: lang as SampleLang,
      marker: parsed.marker,
      kind: kind as SampleKind,
      requests: parsed.requests,
      reason: parsed.reason,
      differs: parsed.differs,
      code,
      codeLine: fenceLine + 1,
    })
  }
  return { samples, errors }
}

/** Every Markdown file under `docsDir` (skipping .vitepress), sorted. */
export function markdownFiles(docsDir: string): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      if (ent.name.startsWith('.') || ent.name === 'node_modules') continue
      const p = path.join(dir, ent.name)
      if (ent.isDirectory()) walk(p)
      else if (ent.name.endsWith('.md')) out.push(p)
    }
  }
  walk(docsDir)
  return out.sort()
}

/** Samples and marker errors of every page under `docsDir`; paths relative to `root`. */
export function extractAll(root: string, docsDir: string): Extracted {
  const all: Extracted = { samples: [], errors: [] }
  for (const f of markdownFiles(docsDir)) {
    const rel = path.relative(root, f).split(path.sep).join('/')
    const r = extractSamples(fs.readFileSync(f, 'utf8'), rel)
    all.samples.push(...r.samples)
    all.errors.push(...r.errors)
  }
  return all
}
