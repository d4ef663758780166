// Proves the answer keys of the runnable quiz questions (docs/.vitepress/data/quiz/):
// a "what does this print" snippet runs under luajit or in nginx's
// content_by_lua_block, and the option marked correct must be exactly what
// happened (and no other option); a "does this .t test pass" block runs
// through the Test::Nginx runner and must pass or fail as keyed.
//
// Every tool path comes from the `tools` stack, so the same proof runs once
// per verification stack.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { OutputChoice, OutputQuestion, Question, TestQuestion } from '../../docs/.vitepress/data/quiz/types.ts'
import type { Stack } from './stacks.ts'
import { errorLines, freePort, httpRequest, makePrefix, NginxStartError, removePrefix, startNginx } from './nginx.ts'
import { contentByLuaConf } from './run.ts'
import { parseTFile, runTestNginxFile } from './test-nginx.ts'

/** What a snippet did: it printed `output`, or it failed and `error` holds the message (stderr or error.log). */
export type RunResult = { ok: true; output: string } | { ok: false; error: string }

/** Program output without its final newline: how an option writes it. */
const chompOutput = (s: string): string => s.replace(/\n$/, '')

export function runLuaSnippet(code: string, tools: Stack): RunResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-'))
  try {
    const file = path.join(dir, 'quiz.lua')
    fs.writeFileSync(file, code)
    const r = spawnSync(tools.luajit, [file], { encoding: 'utf8', timeout: 60_000, cwd: dir, env: { ...process.env, ...tools.env } })
    if (r.error) throw new Error(`could not run ${tools.luajit}: ${r.error.message}`)
    return r.status === 0 ? { ok: true, output: chompOutput(r.stdout) } : { ok: false, error: r.stderr.trim() }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export async function runNginxSnippet(code: string, tools: Stack): Promise<RunResult> {
  const prefix = makePrefix('quiz')
  try {
    for (let attempt = 0; ; attempt++) {
      const port = await freePort()
      let ngx
      try {
        ngx = await startNginx(tools.nginx, prefix, contentByLuaConf(code, prefix, port, tools), port)
      } catch (e) {
        if (e instanceof NginxStartError && /Address already in use/.test(e.message) && attempt < 2) continue
        throw e
      }
      try {
        const res = await httpRequest(port, 'GET /t HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')
        if (res.status === 200) return { ok: true, output: chompOutput(res.body) }
        return { ok: false, error: `status ${res.status}\n${errorLines(ngx.output())}` }
      } finally {
        await ngx.stop()
      }
    }
  } finally {
    removePrefix(prefix)
  }
}

function matches(o: OutputChoice, r: RunResult): boolean {
  if (o.error !== undefined) return !r.ok && r.error.includes(o.error)
  return r.ok && r.output === o.output
}

const show = (r: RunResult): string => (r.ok ? `printed ${JSON.stringify(r.output)}` : `failed with:\n${r.error}`)

/** Problems with an output question's key (empty when the key is right). */
export async function proveOutput(q: OutputQuestion, tools: Stack): Promise<string[]> {
  const r = q.runIn === 'luajit' ? runLuaSnippet(q.code, tools) : await runNginxSnippet(q.code, tools)
  const hits = q.options.flatMap((o, i) => (matches(o, r) ? [i] : []))
  const keyed = q.options.flatMap((o, i) => (o.correct ? [i] : []))
  const letter = (i: number) => String.fromCharCode(65 + i)
  if (hits.length === 0) return [`no option matches what the code did; it ${show(r)}`]
  if (hits.length > 1) return [`options ${hits.map(letter).join(', ')} all match what the code did (${show(r)})`]
  if (keyed.length !== 1 || keyed[0] !== hits[0]) {
    return [`the key says ${keyed.map(letter).join(', ') || 'nothing'}, but the code ${show(r)}, which is option ${letter(hits[0]!)}`]
  }
  return []
}

/** Failures that mean the block never ran as a test (it is broken), not that an assertion failed. */
const NOT_A_TEST_FAILURE = /nginx failed to start|nginx did not listen|cannot assemble|no --- request section|environment variable/

/** Problems with a "does this test pass" key (empty when the key is right). */
export async function proveTest(q: TestQuestion, tools: Stack, where: string): Promise<string[]> {
  const parsed = parseTFile(q.block, where, 1)
  if (parsed.problems.length) return [`the block cannot run in the harness:\n${parsed.problems.join('\n')}`]
  const failures = await runTestNginxFile(q.block, tools, where, 1)
  const broken = failures.filter((f) => NOT_A_TEST_FAILURE.test(f))
  if (broken.length) return [`the block does not run as a test:\n${broken.join('\n')}`]
  const passed = failures.length === 0
  if (passed !== q.passes) {
    return [`the key says it ${q.passes ? 'passes' : 'fails'}, but it ${passed ? 'passes' : `fails:\n${failures.join('\n')}`}`]
  }
  return []
}

export function isRunnable(q: Question): q is OutputQuestion | TestQuestion {
  return q.kind === 'output' || q.kind === 'test'
}

export async function proveQuestion(q: OutputQuestion | TestQuestion, tools: Stack, where: string): Promise<string[]> {
  return q.kind === 'output' ? proveOutput(q, tools) : proveTest(q, tools, where)
}
