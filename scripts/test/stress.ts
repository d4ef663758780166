// `npm run test:stress`: the `site` project, several times in a row, while a
// CPU hog keeps every core busy, to catch browser tests that only pass on an
// idle machine. Prints pass/fail and the time of each run; exits non-zero if
// any run failed.
//
//   STRESS_RUNS   how many runs (5)
//   STRESS_HOGS   busy threads beside the tests (one per core)
//
// The hog is a busy loop in worker threads of this process: it stops when a
// run ends, by itself after STRESS_HOG_SECONDS (1800) if something hangs, and
// with this process in any case.
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { Worker } from 'node:worker_threads'

const RUNS = Number(process.env.STRESS_RUNS ?? 5)
const HOGS = Number(process.env.STRESS_HOGS ?? os.availableParallelism())
const HOG_SECONDS = Number(process.env.STRESS_HOG_SECONDS ?? 1800)

const BUSY_LOOP = `
  const { workerData: deadline } = require('node:worker_threads')
  let x = 0
  while (Date.now() < deadline) for (let i = 0; i < 1e6; i++) x += Math.sqrt(i)
`

function startHog(): Worker[] {
  const deadline = Date.now() + HOG_SECONDS * 1000
  return Array.from({ length: HOGS }, () => new Worker(BUSY_LOOP, { eval: true, workerData: deadline }))
}

const results: { run: number; ok: boolean; seconds: number }[] = []
for (let run = 1; run <= RUNS; run++) {
  console.log(`\n[stress] run ${run}/${RUNS}: vitest --project site with ${HOGS} busy thread(s); load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const hog = startHog()
  const started = Date.now()
  // spawnSync would block this thread, not the hog's: the workers keep running.
  const { status } = spawnSync('npx', ['vitest', 'run', '--project', 'site'], { stdio: 'inherit' })
  const seconds = Math.round((Date.now() - started) / 1000)
  await Promise.all(hog.map((w) => w.terminate()))
  results.push({ run, ok: status === 0, seconds })
  console.log(`[stress] run ${run}/${RUNS}: ${status === 0 ? 'PASS' : 'FAIL'} in ${seconds} s; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
}

const passed = results.filter((r) => r.ok).length
console.log(`\n[stress] ${passed}/${RUNS} runs passed: ${results.map((r) => `${r.run} ${r.ok ? 'PASS' : 'FAIL'} ${r.seconds} s`).join(', ')}`)
process.exitCode = passed === RUNS ? 0 : 1
