// The small part of Perl that Test::Nginx `--- section eval` values use in
// practice, evaluated without Perl:
//   "double quoted" (escapes \n \t \r \0 \e \\ \" \$ \@ \xHH \x{HHHH}; no variable interpolation),
//   'single quoted', q{...}, qq{...}, numbers, `.` concatenation, `x` repetition,
//   [ a, b, ... ] array references, ( ... ) grouping, qr/.../flags (flags i m s).
// Anything else (variables, function calls, heredocs, interpolation, /x regexes,
// \Q...\E) throws PerlEvalError with a clear message instead of guessing.

export class PerlEvalError extends Error {}

export type PerlValue = string | RegExp | PerlValue[]

const CLOSE: Record<string, string> = { '{': '}', '(': ')', '[': ']', '<': '>' }

class Parser {
  i = 0
  constructor(readonly s: string) {}

  err(msg: string): never {
    throw new PerlEvalError(`${msg} at ${JSON.stringify(this.s.slice(this.i, this.i + 30))} (the harness evaluates only strings, ., x, [...] and qr//)`)
  }

  ws(): void {
    for (;;) {
      while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++
      if (this.s[this.i] === '#') {
        while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++
        continue
      }
      return
    }
  }

  /** A comma-separated list; a top-level list of several values is an error. */
  top(): PerlValue {
    const items = this.list(undefined)
    this.ws()
    if (this.i < this.s.length) this.err('unexpected text')
    if (items.length !== 1) this.err(`eval returned ${items.length} values; use [ ... ] for several`)
    return items[0]!
  }

  list(end: string | undefined): PerlValue[] {
    const items: PerlValue[] = []
    for (;;) {
      this.ws()
      if (end !== undefined && this.s[this.i] === end) { this.i++; return items }
      if (this.i >= this.s.length) {
        if (end !== undefined) this.err(`missing "${end}"`)
        return items
      }
      items.push(this.concat())
      this.ws()
      if (this.s[this.i] === ',' || this.s.startsWith('=>', this.i)) { this.i += this.s[this.i] === ',' ? 1 : 2; continue }
      if (end !== undefined && this.s[this.i] === end) { this.i++; return items }
      if (end === undefined && (this.i >= this.s.length || this.s[this.i] === ';')) {
        if (this.s[this.i] === ';') { this.i++; this.ws() }
        return items
      }
      this.err('expected "," or the end of the list')
    }
  }

  concat(): PerlValue {
    let v = this.repeat()
    for (;;) {
      this.ws()
      if (this.s[this.i] === '.' && !/[0-9]/.test(this.s[this.i + 1] ?? '')) {
        this.i++
        const r = this.repeat()
        if (typeof v !== 'string' || typeof r !== 'string') this.err('"." needs two strings')
        v = v + r
        continue
      }
      return v
    }
  }

  repeat(): PerlValue {
    const v = this.primary()
    this.ws()
    if (this.s[this.i] === 'x' && /[\s\d]/.test(this.s[this.i + 1] ?? '')) {
      this.i++
      this.ws()
      const m = /^\d+/.exec(this.s.slice(this.i))
      if (!m) this.err('"x" needs a literal count')
      this.i += m[0].length
      if (typeof v !== 'string') this.err('"x" repeats strings only')
      return v.repeat(Number(m[0]))
    }
    return v
  }

  primary(): PerlValue {
    this.ws()
    const c = this.s[this.i]
    if (c === '"') { this.i++; return this.dq('"') }
    if (c === "'") { this.i++; return this.sq("'") }
    if (c === '[') { this.i++; return this.list(']') }
    if (c === '(') {
      this.i++
      const items = this.list(')')
      if (items.length !== 1) this.err('a parenthesised list must hold one value here')
      return items[0]!
    }
    const num = /^-?\d+(\.\d+)?/.exec(this.s.slice(this.i))
    if (num) { this.i += num[0].length; return num[0] }
    const q = /^(qq|qr|q)\s*([^\w\s])/.exec(this.s.slice(this.i))
    if (q) {
      this.i += q[0].length
      const open = q[2]!
      const close = CLOSE[open] ?? open
      if (q[1] === 'q') return this.sq(close, open)
      if (q[1] === 'qq') return this.dq(close, open)
      return this.regex(close, open)
    }
    if (c === '$' || c === '@' || c === '%') this.err('variables are not supported')
    if (c === '<' && this.s[this.i + 1] === '<') this.err('heredocs are not supported')
    return this.err('unsupported expression')
  }

  /** Raw text up to the matching `close` (nesting `open` if it differs). */
  raw(close: string, open?: string): string {
    let depth = 1
    let out = ''
    while (this.i < this.s.length) {
      const c = this.s[this.i]!
      if (c === '\\') { out += c + (this.s[this.i + 1] ?? ''); this.i += 2; continue }
      if (open !== undefined && open !== close && c === open) depth++
      else if (c === close && --depth === 0) { this.i++; return out }
      out += c
      this.i++
    }
    return this.err(`unterminated quote (missing ${close})`)
  }

  sq(close: string, open?: string): string {
    const raw = this.raw(close, open)
    return raw.replace(/\\([\\'])/g, '$1').replace(new RegExp(`\\\\(${close.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'g'), '$1')
  }

  dq(close: string, open?: string): string {
    const raw = this.raw(close, open)
    let out = ''
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k]!
      if (c === '$' || c === '@') {
        if (/[\w{:]/.test(raw[k + 1] ?? '')) this.err(`variable interpolation ("${raw.slice(k, k + 12)}") is not supported`)
        out += c
        continue
      }
      if (c !== '\\') { out += c; continue }
      const n = raw[++k]
      switch (n) {
        case 'n': out += '\n'; break
        case 't': out += '\t'; break
        case 'r': out += '\r'; break
        case '0': out += '\0'; break
        case 'e': out += '\x1b'; break
        case 'a': out += '\x07'; break
        case 'x': {
          const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{1,2})/.exec(raw.slice(k + 1))
          if (!m) this.err('bad \\x escape')
          out += String.fromCodePoint(parseInt(m[1] ?? m[2]!, 16))
          k += m[0].length
          break
        }
        case undefined: this.err('string ends with a backslash'); break
        default:
          if (/[A-Za-z]/.test(n)) this.err(`escape \\${n} is not supported`)
          out += n
      }
    }
    return out
  }

  regex(close: string, open?: string): RegExp {
    const src = this.raw(close, open)
    const m = /^[a-z]*/.exec(this.s.slice(this.i))!
    this.i += m[0].length
    return perlRegex(src, m[0])
  }
}

/**
 * A Perl regex as a JavaScript RegExp. Handles the differences that matter for
 * response bodies: without /m, Perl's `$` also matches before a final newline;
 * `\A`, `\z`, `\Z`. Rejects /x and \Q...\E.
 */
export function perlRegex(src: string, flags: string): RegExp {
  for (const f of flags) if (!'ims'.includes(f)) throw new PerlEvalError(`regex flag /${f} is not supported by the harness`)
  if (/\\[QE]/.test(src)) throw new PerlEvalError('\\Q...\\E in a regex is not supported by the harness')
  const multi = flags.includes('m')
  let out = ''
  let inClass = false
  for (let k = 0; k < src.length; k++) {
    const c = src[k]!
    if (c === '\\') {
      const n = src[k + 1] ?? ''
      k++
      if (!inClass && n === 'A') out += '(?<![\\s\\S])'
      else if (!inClass && n === 'z') out += '(?![\\s\\S])'
      else if (!inClass && n === 'Z') out += '(?=\\n?(?![\\s\\S]))'
      else out += '\\' + n
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      out += c
      continue
    }
    if (c === '[') { inClass = true; out += c; if (src[k + 1] === '^') { out += '^'; k++ } if (src[k + 1] === ']') { out += '\\]'; k++ } continue }
    if (c === '$' && !multi) { out += '(?=\\n?(?![\\s\\S]))'; continue }
    out += c
  }
  try {
    return new RegExp(out, flags.replace(/[^ims]/g, ''))
  } catch (e) {
    throw new PerlEvalError(`regex /${src}/ does not translate to JavaScript: ${(e as Error).message}`)
  }
}

/** Evaluates a Test::Nginx `eval` section value. */
export function perlEval(src: string): PerlValue {
  return new Parser(src).top()
}
