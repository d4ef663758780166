// Runs one sample and throws a SampleFailure (naming the Markdown file and line,
// what was expected and what came out) when it does not behave as written.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Sample } from './extract.ts'
import { BUILD_TAGS, expectedFor } from './lex.ts'
import {
  buildConf, completeFullConf, errorLines, freePort, httpRequest, indent, makePrefix,
  NginxStartError, nginxTest, removePrefix, splitServerConfig, startNginx,
} from './nginx.ts'
import type { Stack } from './stacks.ts'
import { runTestNginxFile, checkTestNginxFile } from './test-nginx.ts'

export class SampleFailure extends Error {
  override name = 'SampleFailure'
}

export const where = (s: Sample): string => `${s.file}:${s.line}`

function fail(s: Sample, what: string): never {
  throw new SampleFailure(`${where(s)} (${s.marker}${s.requests.map((r) => ` ${r.method} ${r.path}`).join('')}, \`\`\`${s.lang}): ${what}`)
}

const show = (lines: string[]): string => (lines.length ? lines.map((l) => `    | ${l}`).join('\n') : '    (nothing)')

/** Output lines of a program: split on \n, without the empty piece after a final newline. */
export function outputLines(out: string): string[] {
  if (out === '') return []
  const lines = out.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Compares actual lines with the `-->` expectations; returns a message or null. */
export function compareLines(expected: string[], actual: string[]): string | null {
  const n = Math.max(expected.length, actual.length)
  for (let k = 0; k < n; k++) {
    const e = expected[k]
    const a = actual[k]
    if (e === a) continue
    const detail =
      e === undefined ? `extra output line ${k + 1}: ${JSON.stringify(a)}`
      : a === undefined ? `missing output line ${k + 1}: expected ${JSON.stringify(e)}`
      : `line ${k + 1}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`
    return `${detail}\n  expected (the --> comments):\n${show(expected)}\n  actual:\n${show(actual)}`
  }
  return null
}

function tmpFile(name: string, text: string): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-'))
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return { file, dir }
}

/**
 * What one build did with a sample: the output lines (luajit's stdout, or the
 * response bodies) and, separately, a failure that is not about output (exit
 * status, HTTP status, nginx -t, a Test::Nginx block). `detail` is shown with
 * an output mismatch (stderr, error.log).
 */
export interface Outcome {
  stack: Stack
  lines: string[]
  failure: string | null
  detail: string
}

async function observeLua(s: Sample, stack: Stack): Promise<Outcome> {
  const { file, dir } = tmpFile('sample.lua', s.code)
  try {
    const r = spawnSync(stack.luajit, [file], {
      encoding: 'utf8', timeout: 60_000, cwd: dir, env: { ...process.env, ...stack.env },
    })
    const stderr = (r.stderr ?? '').replaceAll(file, `${where(s)}(code)`).trim()
    const lines = outputLines(r.stdout ?? '')
    const detail = stderr ? `\n  stderr:\n${indent(stderr)}` : ''
    if (r.error) return { stack, lines, failure: `could not run luajit: ${r.error.message}`, detail }
    if (r.status !== 0) {
      return { stack, lines, failure: `luajit exited with ${r.status ?? r.signal}\n  stderr:\n${indent(stderr)}\n  stdout:\n${show(lines)}`, detail }
    }
    return { stack, lines, failure: null, detail }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function observeLuaCheck(s: Sample, stack: Stack): Outcome {
  const { file, dir } = tmpFile('sample.lua', s.code)
  try {
    const r = spawnSync(stack.luajit, ['-bl', file], { encoding: 'utf8', timeout: 30_000 })
    const failure = r.status !== 0 ? `luajit -bl failed (syntax error):\n${indent((r.stderr ?? '').replaceAll(file, `${where(s)}(code)`).trim())}` : null
    return { stack, lines: [], failure, detail: '' }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** nginx.conf that serves `code` from content_by_lua_block at location = /t, with shared dicts `cache` and `locks`. */
export function contentByLuaConf(code: string, prefix: string, port: number, stack: Stack): string {
  return buildConf({
    prefix, port, stack,
    http: '    lua_shared_dict cache 1m;\n    lua_shared_dict locks 1m;',
    server: `        location = /t {\n            content_by_lua_block {\n${code}\n            }\n        }`,
  })
}

/** The nginx.conf a sample becomes: run-nginx Lua goes into location = /t. */
function confFor(s: Sample, prefix: string, port: number, stack: Stack): string {
  if (s.kind === 'nginx-lua') return contentByLuaConf(s.code, prefix, port, stack)
  const split = splitServerConfig(s.code)
  if (split.full) return completeFullConf(s.code, prefix, stack)
  return buildConf({ prefix, port, stack, main: split.main, http: split.http, server: split.server })
}

async function observeNginx(s: Sample, stack: Stack): Promise<Outcome> {
  const requests = s.kind === 'nginx-lua' ? [{ method: 'GET', path: '/t' }] : s.requests
  let conf: string
  const prefix = makePrefix(path.basename(s.file, '.md') + '-' + s.line)
  try {
    for (let attempt = 0; ; attempt++) {
      const port = await freePort()
      try {
        conf = confFor(s, prefix, port, stack)
      } catch (e) {
        fail(s, `cannot assemble nginx.conf: ${(e as Error).message}`)
      }
      if (/^\s*http\s*\{/m.test(s.code) && s.kind === 'nginx-run') {
        fail(s, 'a whole nginx.conf (with http{}) cannot be run; write the server-level part (locations and http-level directives) or mark it check')
      }
      let ngx
      try {
        ngx = await startNginx(stack.nginx, prefix, conf, port)
      } catch (e) {
        if (e instanceof NginxStartError && /Address already in use/.test(e.message) && attempt < 2) continue
        if (e instanceof NginxStartError) return { stack, lines: [], failure: `${e.message}\n  generated nginx.conf:\n${indent(conf)}`, detail: '' }
        throw e
      }
      try {
        const actual: string[] = []
        const problems: string[] = []
        for (const r of requests) {
          let res
          try {
            res = await httpRequest(port, `${r.method} ${r.path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`)
          } catch (e) {
            return { stack, lines: actual, failure: `${r.method} ${r.path}: ${(e as Error).message}\n  error.log:\n${indent(errorLines(ngx.output()))}`, detail: '' }
          }
          if (res.status !== 200) problems.push(`${r.method} ${r.path}: status ${res.status}, expected 200`)
          actual.push(...outputLines(res.body))
        }
        const log = errorLines(ngx.output())
        const detail = (log ? `\n  error.log:\n${indent(log)}` : '') + missingDictHint(s, conf)
        return { stack, lines: actual, failure: problems.length ? problems.join('\n') + detail : null, detail }
      } finally {
        await ngx.stop()
      }
    }
  } finally {
    removePrefix(prefix)
  }
}

/** A hint when the sample uses ngx.shared.NAME that no lua_shared_dict declares. */
function missingDictHint(s: Sample, conf: string): string {
  const declared = new Set([...conf.matchAll(/\blua_shared_dict\s+(\w+)/g)].map((m) => m[1]))
  const used = new Set([...s.code.matchAll(/\bngx\.shared(?:\.(\w+)|\[["'](\w+)["']\])/g)].map((m) => m[1] ?? m[2]))
  const missing = [...used].filter((d) => d && !declared.has(d))
  if (!missing.length) return ''
  return `\n  hint: the sample uses ${missing.map((d) => `ngx.shared.${d}`).join(', ')} but declares no ${missing.map((d) => `\`lua_shared_dict ${d} 1m;\``).join(', ')}` +
    (s.kind === 'nginx-run' ? ' (only run-nginx samples get the default dicts `cache` and `locks`; a run GET sample is a self-contained server config)' : '')
}

function observeNginxCheck(s: Sample, stack: Stack): Outcome {
  const prefix = makePrefix(path.basename(s.file, '.md') + '-' + s.line)
  try {
    let conf: string
    try {
      conf = confFor(s, prefix, 1, stack)
    } catch (e) {
      fail(s, `cannot assemble nginx.conf: ${(e as Error).message}`)
    }
    const confFile = path.join(prefix, 'conf', 'nginx.conf')
    fs.writeFileSync(confFile, conf)
    const err = nginxTest(stack.nginx, prefix, confFile)
    return { stack, lines: [], failure: err ? `nginx -t failed:\n${indent(err)}\n  generated nginx.conf:\n${indent(conf)}` : null, detail: '' }
  } finally {
    removePrefix(prefix)
  }
}

/** Runs a sample on one build and reports what happened, without judging it. */
export async function observeSample(s: Sample, stack: Stack): Promise<Outcome> {
  const none = (failure: string | null): Outcome => ({ stack, lines: [], failure, detail: '' })
  switch (s.kind) {
    case 'lua-run': return observeLua(s, stack)
    case 'lua-check': return observeLuaCheck(s, stack)
    case 'nginx-lua':
    case 'nginx-run': return observeNginx(s, stack)
    case 'nginx-check': return observeNginxCheck(s, stack)
    case 'test-nginx': {
      const problems = await runTestNginxFile(s.code, stack, where(s), s.codeLine)
      return none(problems.length ? `Test::Nginx harness:\n${problems.join('\n')}` : null)
    }
    case 'perl-check': {
      const problems = checkTestNginxFile(s.code, where(s), s.codeLine)
      return none(problems.length ? `Test::Nginx harness (parse only):\n${problems.join('\n')}` : null)
    }
    case 'fragment': return none(null)
  }
}

/** What is wrong with one build's outcome against the sample's expectations for that build; null when right. */
export function judge(s: Sample, o: Outcome): string | null {
  if (o.failure) return o.failure
  if (s.kind !== 'lua-run' && s.kind !== 'nginx-lua' && s.kind !== 'nginx-run') return null
  const msg = compareLines(expectedFor(s.code, o.stack.tag), o.lines)
  return msg ? msg + o.detail : null
}

/** Runs or checks one sample on one build; resolves when it behaves as written for that build. */
export async function runSample(s: Sample, stack: Stack): Promise<void> {
  const problem = judge(s, await observeSample(s, stack))
  if (problem) fail(s, stacks1(stack) + problem)
}

const stacks1 = (stack: Stack): string => `[${stack.tag}: ${stack.label}]\n`

const sameOutcome = (a: Outcome, b: Outcome): boolean =>
  (a.failure === null) === (b.failure === null) && a.lines.length === b.lines.length && a.lines.every((l, k) => l === b.lines[k])

const outcomeText = (o: Outcome): string => `  ${o.stack.tag} (${o.stack.label}):\n${o.failure ? indent(o.failure, '    ! ') : show(o.lines)}`

/**
 * Runs a sample on every given build. It fails (naming file:line and each
 * build's output) when a build does not do what is written for it, when the
 * builds differ but the marker does not say `differs`, and when the marker
 * says `differs` but the builds now agree (a stale declaration).
 */
export async function runSampleOnStacks(s: Sample, stacks: Stack[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  for (const stack of stacks) outcomes.push(await observeSample(s, stack))
  if (outcomes.length >= 2) {
    const differ = outcomes.some((o) => !sameOutcome(o, outcomes[0]!))
    if (differ && !s.differs) {
      fail(s, `the builds differ, and the marker does not declare it. If both outputs are right, end the marker in "differs" and label the lines that differ (${BUILD_TAGS.map((t) => `--> [${t}] ...`).join(', ')}); the page must show both.\n${outcomes.map(outcomeText).join('\n')}`)
    }
    if (!differ && s.differs) {
      fail(s, `the marker says "differs" but every build now prints the same: drop "differs" and the build labels.\n${outcomeText(outcomes[0]!)}`)
    }
  }
  const problems = outcomes.flatMap((o) => {
    const p = judge(s, o)
    return p ? [`${stacks1(o.stack)}${p}`] : []
  })
  if (problems.length) fail(s, problems.join('\n'))
  return outcomes
}
