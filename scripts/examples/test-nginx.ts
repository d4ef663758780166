// A small Test::Nginx harness in TypeScript, so the .t samples of the test-nginx
// chapters run without Perl. It follows openresty/test-nginx
// (lib/Test/Nginx/Socket.pm, lib/Test/Nginx/Util.pm) and Test::Base (inc/Test/Base.pm):
//
// - Blocks start with `=== name`; sections with `--- name [filters]`; an inline
//   `--- name: value` is a one-line value. Every section first gets Test::Base's
//   default filters `norm` (CRLF/CR -> LF) and `trim` (drop leading blank lines
//   and all trailing whitespace after the last newline, so a multi-line value
//   keeps exactly one final "\n"); then its own filters: `eval`, `chomp`, `chop`.
// - nginx.conf is built like Util.pm's write_config_file: --- main_config at top
//   level, --- http_config in http{}, --- config in the one server{} (which also
//   has `location / { root html; }` unless no_root_location()).
// - --- request is "METHOD /uri [HTTP/x.y]" plus an optional body (trimmed, with
//   Content-Length); Host: localhost and Connection: close are added unless
//   --- more_headers sets them. An eval'd array sends several requests, and
//   then the expected-value sections must be arrays too (get_indexed_value).
// - --- error_code: status must equal it; without it the status must be 200.
// - --- response_body: the whole body must equal the value exactly.
// - --- response_body_like / _unlike: the body must (not) match qr/$value/s
//   (the value is a pattern; a qr// after eval keeps its own flags).
// - --- response_headers_like: "Name: pattern" lines, each value must match ^pattern$.
// - --- grep_error_log / --- grep_error_log_out: the matched texts of the
//   request's error-log lines, one per line, must equal the expected text.
// - --- wait: seconds to sleep before reading the error log (default 0.05).
// - --- response_headers: lines "Name: value" compare the header's value (a
//   missing header counts as ""; repeated headers are joined with ", " like
//   HTTP::Headers); "!Name" asserts that the header is absent.
// - --- error_log / --- no_error_log: one pattern per line (or an eval'd qr//
//   or array, which is a list of patterns, not one per request); a string
//   matches as a substring, a qr// as a regex, against the error-log lines
//   written while serving each request (after a 50 ms pause for the log phase).
//
// A sample may also be blocks alone (starting with `===`): they run with the
// defaults of `use Test::Nginx::Socket 'no_plan'; run_tests();`.
//
// Preamble statements understood: use ...; plan ...; repeat_each(N);
// no_long_string(); no_shuffle(); no_root_location(); log_level('level');
// master_on(); master_off(); workers(N); run_tests(); plus comments.
//
// NOT supported (the harness fails with a message naming the section or
// statement rather than ignoring it): any other section (e.g. raw_request,
// pipelined_requests, request_eval, response_body_eval, user_files,
// shutdown_error_log, access_log, tcp_listen, udp_*, stap*, init, ...), Perl variables and heredocs in the preamble or in eval sections,
// filters other than eval/chomp/chop, and TEST_NGINX_* variables other than
// TEST_NGINX_SERVER_PORT, TEST_NGINX_HTML_DIR and those set in the environment.
import type { Tools } from './env.ts'
import {
  buildConf, errorLines, freePort, httpRequest, indent, makePrefix, NginxStartError,
  removePrefix, startNginx, type HttpResponse,
} from './nginx.ts'
import { perlEval, perlRegex, PerlEvalError, type PerlValue } from './perl-eval.ts'
import fs from 'node:fs'

export const SUPPORTED_SECTIONS = new Set([
  'config', 'http_config', 'main_config', 'request', 'more_headers', 'response_body', 'response_body_like',
  'response_body_unlike', 'response_headers', 'response_headers_like', 'error_code', 'error_log', 'no_error_log',
  'grep_error_log', 'grep_error_log_out', 'timeout', 'wait', 'log_level', 'ONLY', 'SKIP', 'LAST',
])

export interface Section {
  name: string
  value: PerlValue
  /** 1-based line in the .t text. */
  line: number
}

export interface Block {
  name: string
  line: number
  sections: Map<string, Section>
}

export interface TFile {
  repeatEach: number
  logLevel: string
  rootLocation: boolean
  masterProcess: boolean
  workers: number
  blocks: Block[]
  problems: string[]
}

// --- Test::Base filters ---------------------------------------------------
const norm = (s: string): string => s.replace(/\r\n/g, '\n').replace(/\r/g, '\n')
const trim = (s: string): string => s.replace(/^([ \t]*\n)+/, '').replace(/(?<=\n)\s*$/, '')

const PREAMBLE: [RegExp, (m: RegExpExecArray, f: TFile) => void][] = [
  [/^use\s+[\w:]+(\s+.*)?$/s, () => {}],
  [/^plan\b.*$/s, () => {}],
  [/^repeat_each\(\s*(\d+)\s*\)$/, (m, f) => { f.repeatEach = Number(m[1]) }],
  [/^no_long_string\(\s*\)$/, () => {}],
  [/^no_shuffle\(\s*\)$/, () => {}],
  [/^no_root_location\(\s*\)$/, (_m, f) => { f.rootLocation = false }],
  [/^log_level\(\s*['"](\w+)['"]\s*\)$/, (m, f) => { f.logLevel = m[1]! }],
  [/^master_on\(\s*\)$/, (_m, f) => { f.masterProcess = true }],
  [/^master_off\(\s*\)$/, (_m, f) => { f.masterProcess = false }],
  [/^workers\(\s*(\d+)\s*\)$/, (m, f) => { f.workers = Number(m[1]) }],
  [/^run_tests\(\s*\)$/, () => {}],
]

/** Parses a .t file; problems (unsupported things) are collected, not thrown. */
export function parseTFile(text: string, where: string, firstLine: number): TFile {
  const f: TFile = { repeatEach: 1, logLevel: 'debug', rootLocation: true, masterProcess: false, workers: 1, blocks: [], problems: [] }
  const lines = norm(text).split('\n')
  let dataAt = lines.findIndex((l) => /^__(DATA|END)__\s*$/.test(l))
  // Blocks alone (what follows __DATA__ in a real file) run as if the file were
  // `use Test::Nginx::Socket 'no_plan'; run_tests(); __DATA__` + the blocks.
  const firstText = lines.findIndex((l) => l.trim() !== '')
  const blocksOnly = dataAt < 0 && firstText >= 0 && /^===/.test(lines[firstText]!)
  if (blocksOnly) dataAt = firstText - 1
  if (dataAt < 0 && !blocksOnly) {
    f.problems.push(`${where}: no __DATA__ line: a Test::Nginx sample is either a whole .t file (Perl preamble, __DATA__, blocks) or blocks alone (starting with ===)`)
    return f
  }
  // Preamble: statements separated by ';', comments dropped.
  const preamble = lines.slice(0, Math.max(0, dataAt)).map((l) => l.replace(/(^|\s)#.*$/, '')).join('\n')
  for (const raw of preamble.split(';')) {
    const st = raw.trim()
    if (!st) continue
    const hit = PREAMBLE.find(([re]) => re.test(st))
    if (!hit) {
      f.problems.push(`${where}: preamble statement not supported by the harness: ${JSON.stringify(st)}`)
      continue
    }
    hit[1](hit[0].exec(st)!, f)
  }
  // Blocks.
  let k = dataAt + 1
  while (k < lines.length && !/^===/.test(lines[k]!)) k++
  while (k < lines.length) {
    const start = k
    k++
    while (k < lines.length && !/^===/.test(lines[k]!)) k++
    const hunk = lines.slice(start, k)
    const block = parseBlock(hunk, firstLine + start, where, f.problems)
    if (block) f.blocks.push(block)
  }
  if (f.blocks.length === 0) f.problems.push(`${where}: no blocks ("=== TEST 1: ...") after __DATA__`)
  return f
}

function parseBlock(hunk: string[], line: number, where: string, problems: string[]): Block | null {
  const name = hunk[0]!.replace(/^===[ \t]*/, '').trim()
  const block: Block = { name, line, sections: new Map() }
  const SEC = /^--- +\(?(\w+)\)? *(.*)$/
  let k = 1
  while (k < hunk.length && !SEC.test(hunk[k]!)) k++
  while (k < hunk.length) {
    const m = SEC.exec(hunk[k]!)!
    const secLine = line + k
    const secName = m[1]!
    let filters = m[2] ?? ''
    k++
    const start = k
    while (k < hunk.length && !SEC.test(hunk[k]!)) k++
    let value = hunk.slice(start, k).join('\n') + (k > start ? '\n' : '')
    const at = `${where}: block "${name}", --- ${secName} (Markdown line ${secLine})`
    if (/:(\s|$)/.test(filters)) {
      if (/\S/.test(value)) {
        problems.push(`${at}: extra lines not allowed after an inline "--- ${secName}: value"`)
      }
      const [fl, v] = splitOnce(filters, /\s*:(?:\s+|$)/)
      filters = fl
      value = (v ?? '').trim()
    }
    if (!SUPPORTED_SECTIONS.has(secName)) {
      problems.push(`${at}: this section is not supported by the harness (supported: ${[...SUPPORTED_SECTIONS].join(', ')})`)
      continue
    }
    let v: PerlValue = trim(norm(value))
    for (const filter of filters.trim().split(/\s+/).filter(Boolean)) {
      if (filter === 'eval') {
        if (typeof v !== 'string') { problems.push(`${at}: eval applied twice`); continue }
        try {
          v = perlEval(v)
        } catch (e) {
          if (e instanceof PerlEvalError) { problems.push(`${at}: ${e.message}`); v = ''; continue }
          throw e
        }
      } else if (filter === 'chomp' || filter === 'chop') {
        if (typeof v !== 'string') { problems.push(`${at}: ${filter} needs a string`); continue }
        v = filter === 'chomp' ? v.replace(/\n$/, '') : v.slice(0, -1)
      } else {
        problems.push(`${at}: filter "${filter}" is not supported by the harness (supported: eval, chomp, chop)`)
      }
    }
    block.sections.set(secName, { name: secName, value: v, line: secLine })
  }
  return block
}

function splitOnce(s: string, re: RegExp): [string, string | undefined] {
  const m = re.exec(s)
  if (!m) return [s, undefined]
  return [s.slice(0, m.index), s.slice(m.index + m[0].length)]
}

/** Parse-only check (`<!-- sample: check -->` on a ```perl fence). */
export function checkTestNginxFile(text: string, where: string, firstLine: number): string[] {
  return parseTFile(text, where, firstLine).problems
}

// --- running ---------------------------------------------------------------
const str = (v: PerlValue | undefined): string | undefined => (v === undefined ? undefined : typeof v === 'string' ? v : undefined)

function indexed(v: PerlValue | undefined, idx: number, needArray: boolean, what: string): PerlValue | undefined {
  if (v === undefined) return undefined
  if (needArray) {
    if (Array.isArray(v)) return v[idx]
    throw new Error(`${what}: several requests were given, so this section must be an array too (eval [...])`)
  }
  return Array.isArray(v) ? v[0] : v
}

function expandEnv(text: string, vars: Record<string, string>, what: string): string {
  return text.replace(/\$(TEST_NGINX_[_A-Z0-9]+)/g, (_m, name: string) => {
    const v = vars[name] ?? process.env[name]
    if (v === undefined) throw new Error(`${what}: environment variable ${name} is not set`)
    return v
  })
}

/** Request text for one `--- request` value (Socket.pm parse_request + build_request_from_packets). */
export function buildRequest(reqText: string, moreHeaders: string): string {
  const nl = reqText.indexOf('\n')
  const first = nl < 0 ? reqText : reqText.slice(0, nl)
  let content = nl < 0 ? '' : reqText.slice(nl + 1)
  const m = /^\s*(\S+) *(?:(\S+) *)?(?:(\S+) *)?\s*$/.exec(first)
  if (!m) throw new Error(`request line is not valid: ${JSON.stringify(first)}`)
  const method = m[1]!
  const url = m[2] ?? '/'
  const version = m[3] ?? 'HTTP/1.1'
  let headers = ''
  for (const h of moreHeaders.split(/\n+/)) {
    if (!h.trim() || /^\s*#/.test(h)) continue
    const i = h.search(/:\s*/)
    const key = i < 0 ? h : h.slice(0, i)
    const val = i < 0 ? '' : h.slice(i).replace(/^:\s*/, '')
    headers += `${key}: ${val}\r\n`
  }
  let len = ''
  if (content !== '' && !/(^|\n)Content-Length:/.test(moreHeaders)) {
    content = content.replace(/^\s+|\s+$/g, '')
    len = `Content-Length: ${Buffer.byteLength(content)}\r\n`
  }
  let pre = ''
  if (!/(^|\n)Host:/im.test(moreHeaders)) pre += 'Host: localhost\r\n'
  if (!/(^|\n)Connection/im.test(moreHeaders)) pre += 'Connection: close\r\n'
  return `${method} ${url} ${version}\r\n${pre}${headers}${len}\r\n${content}`
}

/** Value of a header as HTTP::Headers->header returns it: repeated headers joined by ", ". */
function headerValue(res: HttpResponse, name: string): string | undefined {
  const vals = res.headers.filter(([k]) => k.toLowerCase() === name.toLowerCase()).map(([, v]) => v)
  return vals.length ? vals.join(', ') : undefined
}

/** Util.pm parse_headers. */
function parseHeaders(s: string): [string, string | null][] {
  const out: [string, string | null][] = []
  for (let l of s.split('\n')) {
    l = l.trim()
    if (!l) continue
    if (l.startsWith('!')) { out.push([l.replace(/^!\s*/, ''), null]); continue }
    const [k, v] = splitOnce(l, /\s*:\s*/)
    out.push([k, v ?? null])
  }
  return out
}

function patterns(v: PerlValue): (string | RegExp)[] {
  if (typeof v === 'string') return v.replace(/\n$/, '').split(/\n+/)
  if (v instanceof RegExp) return [v]
  return v.map((x) => (Array.isArray(x) ? String(x) : x))
}

const q = (s: string | undefined): string => (s === undefined ? '(none)' : JSON.stringify(s))

/** Runs every block of a .t file; returns the failures (empty when all pass). */
export async function runTestNginxFile(text: string, tools: Tools, where: string, firstLine: number): Promise<string[]> {
  const f = parseTFile(text, where, firstLine)
  if (f.problems.length) return f.problems
  const failures: string[] = []
  let blocks = f.blocks
  const only = blocks.filter((b) => b.sections.has('ONLY'))
  if (only.length) blocks = only
  for (const b of blocks) {
    if (b.sections.has('SKIP')) continue
    failures.push(...(await runBlock(b, f, tools, where)))
    if (b.sections.has('LAST')) break
  }
  return failures
}

async function runBlock(b: Block, f: TFile, tools: Tools, where: string): Promise<string[]> {
  const name = `${where}: block "${b.name}" (Markdown line ${b.line})`
  const sec = (n: string): PerlValue | undefined => b.sections.get(n)?.value
  const failures: string[] = []
  const reqVal = sec('request')
  if (reqVal === undefined) return [`${name}: no --- request section`]
  const requests = Array.isArray(reqVal) ? reqVal.map(String) : [String(reqVal)]
  const needArray = Array.isArray(reqVal)
  const prefix = makePrefix('tnginx')
  try {
    for (let attempt = 0; ; attempt++) {
      const port = await freePort()
      const vars = { TEST_NGINX_SERVER_PORT: String(port), TEST_NGINX_HTML_DIR: `${prefix}/html` }
      let conf: string
      try {
        conf = buildConf({
          prefix, port,
          main: expandEnv(str(sec('main_config')) ?? '', vars, `${name} --- main_config`),
          http: expandEnv(str(sec('http_config')) ?? '', vars, `${name} --- http_config`),
          server: expandEnv(str(sec('config')) ?? '', vars, `${name} --- config`)
            + (f.rootLocation ? `\n        location / {\n            root ${prefix}/html;\n            index index.html index.htm;\n        }` : ''),
          logLevel: str(sec('log_level'))?.trim() || f.logLevel,
          masterProcess: f.masterProcess,
          workers: f.workers,
          stack: tools,
        })
      } catch (e) {
        return [`${name}: ${(e as Error).message}`]
      }
      let ngx
      try {
        ngx = await startNginx(tools.nginx, prefix, conf, port)
      } catch (e) {
        if (e instanceof NginxStartError && /Address already in use/.test(e.message) && attempt < 2) continue
        if (e instanceof NginxStartError) return [`${name}: ${e.message}`]
        throw e
      }
      try {
        const timeout = Number(str(sec('timeout')) ?? '3') * 1000 || 3000
        for (let rep = 0; rep < f.repeatEach; rep++) {
          for (let idx = 0; idx < requests.length; idx++) {
            const tag = `${name}${requests.length > 1 ? ` request ${idx}` : ''}${f.repeatEach > 1 ? ` (repeat ${rep})` : ''}`
            try {
              failures.push(...(await runRequest(b, requests[idx]!, idx, rep, needArray, ngx.errorLog, port, timeout, tag)))
            } catch (e) {
              failures.push(`${tag}: ${(e as Error).message}`)
            }
          }
        }
      } finally {
        await ngx.stop()
      }
      return failures
    }
  } finally {
    removePrefix(prefix)
  }
}

async function runRequest(b: Block, reqText: string, idx: number, rep: number, needArray: boolean, errorLog: string, port: number, timeoutMs: number, tag: string): Promise<string[]> {
  const sec = (n: string): PerlValue | undefined => indexed(b.sections.get(n)?.value, idx, needArray, `${tag} --- ${n}`)
  const fails: string[] = []
  const more = str(sec('more_headers')) ?? ''
  const logStart = fs.existsSync(errorLog) ? fs.statSync(errorLog).size : 0
  const res = await httpRequest(port, buildRequest(reqText, more), timeoutMs)
  // The log phase runs after the response is sent; give it a moment (--- wait: seconds).
  const wait = Number(str(b.sections.get('wait')?.value) ?? '0') * 1000 || 0
  if (wait || ['error_log', 'no_error_log', 'grep_error_log'].some((n) => b.sections.has(n))) await new Promise((r) => setTimeout(r, Math.max(wait, 50)))
  const logLines = fs.readFileSync(errorLog).subarray(logStart).toString('utf8').split('\n').filter(Boolean)

  const code = sec('error_code')
  const wantCode = code === undefined ? '200' : String(code).trim()
  if (String(res.status) !== wantCode) fails.push(`${tag}: status ${res.status}, expected ${wantCode}${res.status >= 500 ? `\n  error.log:\n${indent(errorLines(logLines.join('\n')))}` : ''}`)

  const hdrsLike = str(sec('response_headers_like'))
  if (hdrsLike !== undefined && !b.sections.has('response_headers')) {
    for (const [k, v] of parseHeaders(hdrsLike)) {
      const actual = headerValue(res, k) ?? ''
      let re: RegExp
      try { re = perlRegex(`^${v ?? ''}$`, '') } catch (e) { fails.push(`${tag}: response_headers_like ${k}: ${(e as Error).message}`); continue }
      if (!re.test(actual)) fails.push(`${tag}: header ${k}: ${q(actual)} does not match ${re}`)
    }
  }
  const hdrs = str(sec('response_headers'))
  if (hdrs !== undefined) {
    for (const [k, v] of parseHeaders(hdrs)) {
      if (v === null) {
        // Test::Nginx::Socket: unlike $raw_headers, qr/^\s*\Q$key\E\s*:/ms, a case-sensitive match.
        if (new RegExp(`^\\s*${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm').test(res.rawHeaders)) fails.push(`${tag}: header ${k} should be absent, got ${q(headerValue(res, k))}`)
      } else {
        const actual = headerValue(res, k) ?? ''
        const want = v.replace(/\$ServerPort\b/g, String(port))
        if (actual !== want) fails.push(`${tag}: header ${k}: expected ${q(want)}, got ${q(actual)}`)
      }
    }
  }

  const body = sec('response_body')
  const like = sec('response_body_like')
  const unlike = sec('response_body_unlike')
  if (body !== undefined) {
    if (body instanceof RegExp) {
      if (!body.test(res.body)) fails.push(`${tag}: response_body: ${q(res.body)} does not match ${body}`)
    } else {
      const want = String(body).replace(/\$ServerPort\b/g, String(port))
      if (res.body !== want) fails.push(`${tag}: response_body:\n  expected ${q(want)}\n  got      ${q(res.body)}`)
    }
  } else if (like !== undefined || unlike !== undefined) {
    // qr/$pat/s: a pattern string gets /s; an eval'd qr// keeps its own flags,
    // since Perl interpolates it as (?^flags:...).
    const pat = (like ?? unlike)!
    const re = pat instanceof RegExp ? pat : perlRegex(String(pat).replace(/\$ServerPort\b/g, String(port)), 's')
    if (like !== undefined && !re.test(res.body)) fails.push(`${tag}: response_body_like: ${q(res.body)} does not match ${re}`)
    if (like === undefined && re.test(res.body)) fails.push(`${tag}: response_body_unlike: ${q(res.body)} matches ${re}`)
  }

  // Not indexed by request: an array here is a list of patterns, all checked
  // against the log of each request (Socket.pm check_error_log).
  const want = b.sections.get('error_log')?.value
  if (want !== undefined) {
    for (const p of patterns(want)) {
      const hit = logLines.some((l) => (typeof p === 'string' ? l.includes(p) : p.test(l)))
      if (!hit) fails.push(`${tag}: error_log: pattern ${typeof p === 'string' ? q(p) : p} should match a line in error.log`)
    }
  }
  // grep_error_log: every match (a substring, or a qr//'s matched text) in
  // this request's log, one per line, must equal grep_error_log_out; arrays
  // are indexed by the repeat_each round (Socket.pm check_error_log).
  const grepV = b.sections.get('grep_error_log')?.value
  if (grepV !== undefined) {
    const byRep = <T,>(v: T | T[]): T => (Array.isArray(v) ? v[rep]! : v)
    const pat = byRep(grepV as PerlValue)
    const outV = b.sections.get('grep_error_log_out')?.value
    if (outV === undefined) fails.push(`${tag}: --- grep_error_log needs --- grep_error_log_out`)
    else {
      let got = ''
      for (const l of logLines) {
        const m = typeof pat === 'string' ? (l.includes(pat) ? [pat] : null) : (pat as RegExp).exec(l)
        if (m && !m[0]!.includes('\n')) got += m[0]! + '\n'
      }
      const exp = byRep(outV)
      if (exp instanceof RegExp ? !exp.test(got) : got !== String(exp)) fails.push(`${tag}: grep_error_log_out:\n  expected ${exp instanceof RegExp ? String(exp) : q(String(exp))}\n  got      ${q(got)}`)
    }
  } else if (b.sections.has('grep_error_log_out')) fails.push(`${tag}: --- grep_error_log_out without --- grep_error_log`)
  const unwanted = b.sections.get('no_error_log')?.value
  if (unwanted !== undefined) {
    for (const p of patterns(unwanted)) {
      const line = logLines.find((l) => (typeof p === 'string' ? l.includes(p) : p.test(l)))
      if (line !== undefined) fails.push(`${tag}: no_error_log: pattern ${typeof p === 'string' ? q(p) : p} should not match any line in error.log but matches ${q(line)}`)
    }
  }
  return fails
}
