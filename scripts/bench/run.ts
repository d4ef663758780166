// npm run bench — runs the benchmarks under the local luajit2 and nginx +
// lua-nginx-module, and writes docs/.vitepress/data/bench/<id>.json.
//
// Each case runs in luajit processes of CHUNK timed batches each (after two
// untimed warm-up batches), the cases taking turns until RUNS batches are
// measured; cache-read runs in one nginx worker, cases interleaved per batch.
// The JSON keeps every batch, the median, the quartiles and min/max.
//
//   npm run bench                 all benchmarks
//   npm run bench -- table-new    only the named ones
//   BENCH_RUNS=31 npm run bench   more runs
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchCase, BenchEnv, BenchResult } from '../../docs/.vitepress/data/bench/types.ts'
import { benchProblems } from '../../docs/.vitepress/data/bench/types.ts'
import { APT_HINT, findTools, LUA_ENV, LUA_SHARE, type Tools } from '../examples/env.ts'
import { freePort, httpRequest, makePrefix, removePrefix, startNginx } from '../examples/nginx.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BENCH_DIR = path.join(ROOT, 'scripts/bench')
const OUT_DIR = path.join(ROOT, 'docs/.vitepress/data/bench')
const RUNS = Number(process.env.BENCH_RUNS ?? 31)
const COMMAND = 'npm run bench'
/** Runs per luajit process; the cases take turns. */
const CHUNK = 4

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

const round = (x: number): number => Number(x.toPrecision(6))

function summarize(key: string, label: string, description: string, samples: number[]): BenchCase {
  const s = [...samples].sort((a, b) => a - b)
  return {
    key, label, description,
    median: round(quantile(s, 0.5)),
    min: round(s[0]!),
    max: round(s[s.length - 1]!),
    q1: round(quantile(s, 0.25)),
    q3: round(quantile(s, 0.75)),
    samples: samples.map(round),
  }
}

function parseSamples(out: string, what: string): number[] {
  const xs = out.trim().split('\n').map(Number)
  if (xs.length === 0 || xs.some((x) => !Number.isFinite(x) || x <= 0)) throw new Error(`${what}: bad output ${JSON.stringify(out.slice(0, 200))}`)
  return xs
}

/** Runs the measured processes at a raised priority when allowed (root): the machine may be busy. */
const NICE = spawnSync('nice', ['-n', '-15', 'true']).status === 0 && process.getuid?.() === 0 ? -15 : 0

function luajit(tools: Tools, args: string[], opts: { env?: Record<string, string> } = {}): string {
  const [cmd, argv] = NICE ? ['nice', ['-n', String(NICE), tools.luajit, ...args]] : [tools.luajit, args]
  const r = spawnSync(cmd as string, argv as string[], {
    cwd: BENCH_DIR, encoding: 'utf8', timeout: 600_000,
    env: { ...process.env, ...LUA_ENV, LUA_PATH: `${BENCH_DIR}/?.lua;${LUA_ENV.LUA_PATH}`, ...opts.env },
  })
  if (r.status !== 0) throw new Error(`luajit ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`)
  return r.stdout
}

function environment(tools: Tools): BenchEnv {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8')
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown'
  const luajitVersion = luajit(tools, ['-e', 'io.write(jit.version)']).trim()
  const uname = spawnSync('uname', ['-sr'], { encoding: 'utf8' }).stdout.trim()
  return { luajit: luajitVersion, cpu, cpus: os.cpus().length, os: uname, date: new Date().toISOString(), load: Number(os.loadavg()[0]!.toFixed(2)) }
}

interface Spec {
  id: string
  title: string
  unit: string
  per: string
  params: Record<string, number | string>
  cases: { key: string; label: string; description: string }[]
  detail: string
  run(tools: Tools, key: string, runs: number): number[]
}

function luaSpec(id: string, script: string, extra: (tools: Tools) => string[], s: Omit<Spec, 'id' | 'run' | 'detail'>): Spec {
  return {
    ...s, id,
    detail: `cd scripts/bench && luajit ${script} <case> ${RUNS}${s.params.extraArgs ? ` ${s.params.extraArgs}` : ''}`,
    run: (tools, key, runs) => parseSamples(luajit(tools, [script, key, String(runs), ...extra(tools)]), `${id}/${key}`),
  }
}

let soPath: string | null = null
/** Builds benchc.so (lua_CFunction + plain C export of the same function) into a temp dir. */
function buildBenchC(): string {
  if (soPath) return soPath
  const inc = ['/usr/include/luajit-2.1', '/usr/local/include/luajit-2.1'].find((d) => fs.existsSync(path.join(d, 'lua.h')))
  if (!inc) throw new Error('LuaJIT headers not found (lua.h); apt-get install libluajit2-5.1-dev')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'benchc-'))
  const out = path.join(dir, 'benchc.so')
  const r = spawnSync('gcc', ['-O2', '-shared', '-fPIC', `-I${inc}`, '-o', out, path.join(BENCH_DIR, 'benchc.c')], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`gcc failed:\n${r.stderr}`)
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
  soPath = out
  return out
}

const SPECS: Spec[] = [
  luaSpec('string-concat', 'string-concat.lua', () => ['10000'], {
    title: '拼接 10,000 段字符串',
    unit: 'µs',
    per: '每构建一个 60 KB 的字符串',
    params: { pieces: 10000, pieceBytes: 6, runs: RUNS, extraArgs: '10000' },
    cases: [
      { key: 'dotdot', label: 's = s .. piece', description: '循环里用 .. 逐段拼接，每一步都复制整个前缀' },
      { key: 'table-concat', label: 'table.concat', description: '先把各段放进 table，最后调用一次 table.concat' },
    ],
  }),
  luaSpec('table-new', 'table-new.lua', () => ['100'], {
    title: '填满 100 个数组槽位',
    unit: 'ns',
    per: '每填满一个 table',
    params: { slots: 100, runs: RUNS, extraArgs: '100' },
    cases: [
      { key: 'grow', label: '{} 后逐个填入', description: 'local t = {}，再 t[i] = i；数组部分随增长多次重新分配' },
      { key: 'table-new', label: 'table.new(100, 0)', description: 'require "table.new" 预分配 100 个数组槽位后再填入' },
    ],
  }),
  {
    ...luaSpec('ffi-vs-capi', 'ffi-vs-capi.lua', () => [buildBenchC()], {
      title: '调用一个简单的 C 函数',
      unit: 'ns',
      per: '每次调用',
      params: { function: 'int bench_add(int, int)', jitIterations: 5000000, interpIterations: 1000000, runs: RUNS },
      cases: [
        { key: 'capi-jit', label: 'Lua C API（JIT 开）', description: '经 lua_CFunction 包装调用，JIT 开启' },
        { key: 'ffi-jit', label: 'ffi.C（JIT 开）', description: '每次经 ffi.C 命名空间调用 C.bench_add（不把函数缓存进 local），JIT 开启' },
        { key: 'capi-interp', label: 'Lua C API（解释器）', description: '经 lua_CFunction 包装调用，jit.off()' },
        { key: 'ffi-interp', label: 'ffi.C（解释器）', description: '每次经 ffi.C 命名空间调用 C.bench_add（不把函数缓存进 local），jit.off()' },
      ],
    }),
    detail: `gcc -O2 -shared -fPIC -I/usr/include/luajit-2.1 -o /tmp/benchc.so scripts/bench/benchc.c && cd scripts/bench && luajit ffi-vs-capi.lua <case> ${RUNS} /tmp/benchc.so`,
  },
  {
    id: 'cache-read',
    title: '反复读取同一个热键（nginx 单 worker 内）',
    unit: 'ns',
    per: '每次读取',
    params: { iterations: 500000, runs: RUNS, workers: 1 },
    cases: [
      { key: 'lrucache', label: 'lua-resty-lrucache', description: 'worker 内 lrucache 实例的 get()' },
      { key: 'shdict', label: 'ngx.shared.DICT', description: '共享字典的 get()（lua-resty-core 的 FFI 实现）' },
    ],
    detail: `nginx with scripts/bench/cache-read.conf, then GET /bench?case=<case>&iters=500000 (${RUNS} times per case)`,
    run: () => { throw new Error('cache-read runs through runCacheRead') },
  },
]

async function runCacheRead(tools: Tools, spec: Spec): Promise<{ samples: Map<string, number[]>; extra: Partial<BenchEnv> }> {
  const prefix = makePrefix('bench-cache-read')
  const port = await freePort()
  const conf = fs.readFileSync(path.join(BENCH_DIR, 'cache-read.conf'), 'utf8')
    .replaceAll('@PREFIX@', prefix).replaceAll('@PORT@', String(port))
    .replaceAll('@BENCH_DIR@', BENCH_DIR).replaceAll('@LUA_SHARE@', LUA_SHARE)
  const ngx = await startNginx(tools.nginx, prefix, conf, port)
  if (NICE && ngx.proc.pid !== undefined) spawnSync('renice', ['-n', String(NICE), '-p', String(ngx.proc.pid)])
  const get = async (p: string): Promise<string> => {
    const res = await httpRequest(port, `GET ${p} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`, 120_000)
    if (res.status !== 200) throw new Error(`GET ${p}: ${res.status} ${res.body}\n${ngx.output().slice(-2000)}`)
    return res.body
  }
  try {
    const [jitv, ngxLua] = (await get('/env')).trim().split('\t')
    const nginxV = spawnSync(tools.nginx, ['-v'], { encoding: 'utf8' }).stderr.replace(/^nginx version:\s*/, '').trim()
    const iters = Number(spec.params.iterations)
    const samples = new Map<string, number[]>(spec.cases.map((c) => [c.key, []]))
    for (const c of spec.cases) for (let w = 0; w < 2; w++) await get(`/bench?case=${c.key}&iters=${iters}`)
    // Interleave the cases so that drift on a busy machine hits both alike.
    for (let r = 0; r < RUNS; r++) {
      for (const c of spec.cases) samples.get(c.key)!.push(...parseSamples(await get(`/bench?case=${c.key}&iters=${iters}`), `cache-read/${c.key}`))
    }
    return { samples, extra: { nginx: nginxV, ngxLua: Number(ngxLua), luajit: jitv } }
  } finally {
    await ngx.stop()
    removePrefix(prefix)
  }
}

async function main(): Promise<void> {
  const found = findTools()
  if (!found.tools) {
    console.error(`missing ${found.missing.join(', ')}; ${APT_HINT}`)
    process.exit(1)
  }
  const tools = found.tools
  const only = process.argv.slice(2)
  const unknown = only.filter((id) => !SPECS.some((s) => s.id === id))
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${SPECS.map((s) => s.id).join(', ')}`)
  const env = environment(tools)
  for (const spec of SPECS) {
    if (only.length && !only.includes(spec.id)) continue
    process.stdout.write(`${spec.id}: `)
    let bySample: Map<string, number[]>
    let extra: Partial<BenchEnv> = {}
    if (spec.id === 'cache-read') {
      ({ samples: bySample, extra } = await runCacheRead(tools, spec))
    } else {
      // Rounds of CHUNK runs per case, cases interleaved, so that a burst of load
      // from elsewhere on the machine does not land on one case only.
      bySample = new Map(spec.cases.map((c) => [c.key, []]))
      for (let done = 0; done < RUNS; done += CHUNK) {
        for (const c of spec.cases) bySample.get(c.key)!.push(...spec.run(tools, c.key, Math.min(CHUNK, RUNS - done)))
      }
    }
    const cases = spec.cases.map((c) => summarize(c.key, c.label, c.description, bySample.get(c.key)!))
    const { extraArgs: _drop, ...params } = spec.params
    params.nice = NICE
    const result: BenchResult = {
      id: spec.id, title: spec.title, unit: spec.unit, per: spec.per, params, cases,
      command: `${COMMAND} -- ${spec.id}`,
      detail: spec.detail,
      env: { ...env, ...extra, date: new Date().toISOString(), load: Number(os.loadavg()[0]!.toFixed(2)) },
    }
    const problems = benchProblems(result, spec.id)
    if (problems.length) throw new Error(`${spec.id}: result fails its own schema:\n${problems.join('\n')}`)
    fs.writeFileSync(path.join(OUT_DIR, `${spec.id}.json`), JSON.stringify(result, null, 2) + '\n')
    console.log(cases.map((c) => `${c.key} ${c.median} ${spec.unit} [${c.min}–${c.max}]`).join(', '))
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
