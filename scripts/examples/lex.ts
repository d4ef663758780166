// Just enough lexing of Lua and nginx configuration for the sample runner:
// - the `--> value` comments that state a sample's expected output;
// - the top-level statements of an nginx configuration fragment, so that
//   http-level directives can be hoisted out of a server-level sample.
// Neither is a full parser; both skip strings, comments and long brackets so
// that a `}` or `-->` inside a Lua string is not mistaken for syntax.

/** Length of a Lua long bracket opener (`[[`, `[==[`) at `i`, or -1. Returns the level. */
function longBracketLevel(s: string, i: number): number {
  if (s[i] !== '[') return -1
  let j = i + 1
  while (s[j] === '=') j++
  return s[j] === '[' ? j - i - 1 : -1
}

/** Index just after the long bracket closer of `level` at or after `from`, or s.length. */
function skipLongBracket(s: string, from: number, level: number): number {
  const closer = ']' + '='.repeat(level) + ']'
  const end = s.indexOf(closer, from)
  return end < 0 ? s.length : end + closer.length
}

/** Index just after a short string opened by the quote at `i` (stops at an unescaped newline). */
function skipShortString(s: string, i: number): number {
  const q = s[i]
  let j = i + 1
  while (j < s.length) {
    const c = s[j]
    if (c === '\\') { j += 2; continue }
    if (c === q) return j + 1
    if (c === '\n') return j
    j++
  }
  return j
}

/**
 * Build labels a `-->` line may start with, when the builds print different
 * things: `--> [Debian] 0` holds for the Debian stack only, `--> [OpenResty] true`
 * for the OpenResty build only (scripts/examples/stacks.ts).
 */
export const BUILD_TAGS = ['Debian', 'OpenResty'] as const
export type BuildTag = (typeof BUILD_TAGS)[number]
const BUILD_LABEL = new RegExp(`^\\[(${BUILD_TAGS.join('|')})\\](?: |$)`)

export interface ExpectedLine {
  /** 1-based line within the code. */
  line: number
  text: string
  /** The build this line holds for; undefined: every build. */
  build?: BuildTag
}

/**
 * The `--> value` comments of Lua code (or of an nginx configuration holding
 * Lua), in source order. `--> ` is followed by the exact expected text; trailing
 * blanks are dropped. A bare `-->` expects an empty line. A build label right
 * after `--> ` (`--> [Debian] 0`) limits the line to that build.
 */
export function expectedOutput(code: string): ExpectedLine[] {
  const out: ExpectedLine[] = []
  const s = code
  let i = 0
  const lineAt = (pos: number): number => {
    let n = 1
    for (let k = 0; k < pos; k++) if (s.charCodeAt(k) === 10) n++
    return n
  }
  while (i < s.length) {
    const c = s[i]
    if (c === '"' || c === "'") { i = skipShortString(s, i); continue }
    if (c === '[') {
      const level = longBracketLevel(s, i)
      if (level >= 0) { i = skipLongBracket(s, i + level + 2, level); continue }
      i++
      continue
    }
    if (c === '-' && s[i + 1] === '-') {
      const level = longBracketLevel(s, i + 2)
      if (level >= 0) { i = skipLongBracket(s, i + 2 + level + 2, level); continue }
      let end = s.indexOf('\n', i)
      if (end < 0) end = s.length
      const comment = s.slice(i + 2, end)
      if (comment.startsWith('>')) {
        let text = comment.slice(1)
        if (text.startsWith(' ')) text = text.slice(1)
        const label = BUILD_LABEL.exec(text)
        const build = label ? (label[1] as BuildTag) : undefined
        if (label) text = text.slice(label[0].length)
        out.push({ line: lineAt(i), text: text.replace(/\s+$/, ''), ...(build ? { build } : {}) })
      }
      i = end
      continue
    }
    i++
  }
  return out
}

/** Index just after the `}` closing a Lua block whose `{` is just before `from`. */
function skipLuaBlock(s: string, from: number): number {
  let depth = 1
  let i = from
  while (i < s.length) {
    const c = s[i]
    if (c === '"' || c === "'") { i = skipShortString(s, i); continue }
    if (c === '[') {
      const level = longBracketLevel(s, i)
      if (level >= 0) { i = skipLongBracket(s, i + level + 2, level); continue }
    }
    if (c === '-' && s[i + 1] === '-') {
      const level = longBracketLevel(s, i + 2)
      if (level >= 0) { i = skipLongBracket(s, i + 2 + level + 2, level); continue }
      const end = s.indexOf('\n', i)
      i = end < 0 ? s.length : end
      continue
    }
    if (c === '{') depth++
    else if (c === '}') {
      depth--
      if (depth === 0) return i + 1
    }
    i++
  }
  throw new NginxSyntaxError('unbalanced braces in a *_by_lua_block')
}

export class NginxSyntaxError extends Error {}

export interface NginxStatement {
  /** Directive name, e.g. `location`, `lua_shared_dict`. */
  name: string
  /** Source text of the whole statement, including its block. */
  text: string
  block: boolean
}

/** Index just after an nginx block whose `{` is just before `from`. */
function skipNginxBlock(s: string, from: number): number {
  let i = from
  for (;;) {
    const st = readStatement(s, i)
    if (st === null) throw new NginxSyntaxError('unexpected end of configuration: missing "}"')
    if (st === 'close') return skipSpace(s, i) + 1
    i = st.end
  }
}

function skipSpace(s: string, i: number): number {
  for (;;) {
    while (i < s.length && /\s/.test(s[i]!)) i++
    if (s[i] === '#') {
      const end = s.indexOf('\n', i)
      i = end < 0 ? s.length : end
      continue
    }
    return i
  }
}

/** Reads one statement starting at or after `i`; `close` at a `}`; null at the end. */
function readStatement(s: string, i: number): { name: string; start: number; end: number; block: boolean } | 'close' | null {
  i = skipSpace(s, i)
  if (i >= s.length) return null
  if (s[i] === '}') return 'close'
  const start = i
  let name = ''
  while (i < s.length) {
    const c = s[i]!
    if (c === '"' || c === "'") {
      i = skipNginxString(s, i)
    } else if (c === ';') {
      return { name, start, end: i + 1, block: false }
    } else if (c === '{') {
      const end = /_by_lua_block$/.test(name) ? skipLuaBlock(s, i + 1) : skipNginxBlock(s, i + 1)
      return { name, start, end, block: true }
    } else if (c === '}') {
      throw new NginxSyntaxError(`unexpected "}" in "${s.slice(start, i).trim()}"`)
    } else if (/\s/.test(c) || c === '#') {
      i = skipSpace(s, i)
      continue
    } else {
      const m = /^[^\s;{}"'#]+/.exec(s.slice(i))
      const word = m![0]
      if (name === '') name = word
      i += word.length
      continue
    }
  }
  throw new NginxSyntaxError(`unexpected end of configuration after "${s.slice(start).trim().slice(0, 60)}"`)
}

function skipNginxString(s: string, i: number): number {
  const q = s[i]
  let j = i + 1
  while (j < s.length) {
    if (s[j] === '\\') { j += 2; continue }
    if (s[j] === q) return j + 1
    j++
  }
  throw new NginxSyntaxError('unterminated string')
}

/** The top-level statements of an nginx configuration fragment. */
export function nginxStatements(config: string): NginxStatement[] {
  const out: NginxStatement[] = []
  let i = 0
  for (;;) {
    const st = readStatement(config, i)
    if (st === null) return out
    if (st === 'close') throw new NginxSyntaxError('unexpected "}" at top level')
    out.push({ name: st.name, text: config.slice(st.start, st.end), block: st.block })
    i = st.end
  }
}

/** The expected lines for one build: the unlabelled ones plus those labelled with `tag`. */
export function expectedFor(code: string, tag: BuildTag): string[] {
  return expectedOutput(code).filter((e) => e.build === undefined || e.build === tag).map((e) => e.text)
}
