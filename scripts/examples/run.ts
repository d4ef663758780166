// Runs one sample and throws a SampleFailure (naming the Markdown file and line,
// what was expected and what came out) when it does not behave as written.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Sample } from './extract.ts'
import { LUA_ENV, type Tools } from './env.ts'
import { expectedOutput } from './lex.ts'
import {
  buildConf, completeFullConf, errorLines, freePort, httpRequest, indent, makePrefix,
  NginxStartError, nginxTest, removePrefix, splitServerConfig, startNginx,
} from './nginx.ts'
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

function runLua(s: Sample, tools: Tools): void {
  const { file, dir } = tmpFile('sample.lua', s.code)
  try {
    const r = spawnSync(tools.luajit, [file], {
      encoding: 'utf8', timeout: 60_000, cwd: dir, env: { ...process.env, ...LUA_ENV },
    })
    const stderr = (r.stderr ?? '').replaceAll(file, `${where(s)}(code)`).trim()
    if (r.error) fail(s, `could not run luajit: ${r.error.message}`)
    if (r.status !== 0) {
      fail(s, `luajit exited with ${r.status ?? r.signal}\n  stderr:\n${indent(stderr)}\n  stdout:\n${show(outputLines(r.stdout ?? ''))}`)
    }
    const expected = expectedOutput(s.code).map((e) => e.text)
    const msg = compareLines(expected, outputLines(r.stdout ?? ''))
    if (msg) fail(s, `${msg}${stderr ? `\n  stderr:\n${indent(stderr)}` : ''}`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function checkLua(s: Sample, tools: Tools): void {
  const { file, dir } = tmpFile('sample.lua', s.code)
  try {
    const r = spawnSync(tools.luajit, ['-bl', file], { encoding: 'utf8', timeout: 30_000 })
    if (r.status !== 0) fail(s, `luajit -bl failed (syntax error):\n${indent((r.stderr ?? '').replaceAll(file, `${where(s)}(code)`).trim())}`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** nginx.conf that serves `code` from content_by_lua_block at location = /t, with shared dicts `cache` and `locks`. */
export function contentByLuaConf(code: string, prefix: string, port: number): string {
  return buildConf({
    prefix, port,
    http: '    lua_shared_dict cache 1m;\n    lua_shared_dict locks 1m;',
    server: `        location = /t {\n            content_by_lua_block {\n${code}\n            }\n        }`,
  })
}

/** The nginx.conf a sample becomes: run-nginx Lua goes into location = /t. */
function confFor(s: Sample, prefix: string, port: number): string {
  if (s.kind === 'nginx-lua') return contentByLuaConf(s.code, prefix, port)
  const split = splitServerConfig(s.code)
  if (split.full) return completeFullConf(s.code, prefix)
  return buildConf({ prefix, port, main: split.main, http: split.http, server: split.server })
}

async function runNginx(s: Sample, tools: Tools): Promise<void> {
  const requests = s.kind === 'nginx-lua' ? [{ method: 'GET', path: '/t' }] : s.requests
  let conf: string
  const prefix = makePrefix(path.basename(s.file, '.md') + '-' + s.line)
  try {
    for (let attempt = 0; ; attempt++) {
      const port = await freePort()
      try {
        conf = confFor(s, prefix, port)
      } catch (e) {
        fail(s, `cannot assemble nginx.conf: ${(e as Error).message}`)
      }
      if (/^\s*http\s*\{/m.test(s.code) && s.kind === 'nginx-run') {
        fail(s, 'a whole nginx.conf (with http{}) cannot be run; write the server-level part (locations and http-level directives) or mark it check')
      }
      let ngx
      try {
        ngx = await startNginx(tools.nginx, prefix, conf, port)
      } catch (e) {
        if (e instanceof NginxStartError && /Address already in use/.test(e.message) && attempt < 2) continue
        if (e instanceof NginxStartError) fail(s, `${e.message}\n  generated nginx.conf:\n${indent(conf)}`)
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
            fail(s, `${r.method} ${r.path}: ${(e as Error).message}\n  error.log:\n${indent(errorLines(ngx.output()))}`)
          }
          if (res.status !== 200) problems.push(`${r.method} ${r.path}: status ${res.status}, expected 200`)
          actual.push(...outputLines(res.body))
        }
        const expected = expectedOutput(s.code).map((e) => e.text)
        const msg = compareLines(expected, actual)
        if (problems.length || msg) {
          const log = errorLines(ngx.output())
          fail(s, [...problems, msg ?? ''].filter(Boolean).join('\n') + (log ? `\n  error.log:\n${indent(log)}` : '') + missingDictHint(s, conf))
        }
      } finally {
        await ngx.stop()
      }
      return
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

function checkNginx(s: Sample, tools: Tools): void {
  const prefix = makePrefix(path.basename(s.file, '.md') + '-' + s.line)
  try {
    let conf: string
    try {
      conf = confFor(s, prefix, 1)
    } catch (e) {
      fail(s, `cannot assemble nginx.conf: ${(e as Error).message}`)
    }
    const confFile = path.join(prefix, 'conf', 'nginx.conf')
    fs.writeFileSync(confFile, conf)
    const err = nginxTest(tools.nginx, prefix, confFile)
    if (err) fail(s, `nginx -t failed:\n${indent(err)}\n  generated nginx.conf:\n${indent(conf)}`)
  } finally {
    removePrefix(prefix)
  }
}

/** Runs or checks one sample; resolves when it behaves as written. */
export async function runSample(s: Sample, tools: Tools): Promise<void> {
  switch (s.kind) {
    case 'lua-run': return runLua(s, tools)
    case 'lua-check': return checkLua(s, tools)
    case 'nginx-lua':
    case 'nginx-run': return runNginx(s, tools)
    case 'nginx-check': return checkNginx(s, tools)
    case 'test-nginx': {
      const problems = await runTestNginxFile(s.code, tools, where(s), s.codeLine)
      if (problems.length) fail(s, `Test::Nginx harness:\n${problems.join('\n')}`)
      return
    }
    case 'perl-check': {
      const problems = checkTestNginxFile(s.code, where(s), s.codeLine)
      if (problems.length) fail(s, `Test::Nginx harness (parse only):\n${problems.join('\n')}`)
      return
    }
    case 'fragment': return
  }
}
