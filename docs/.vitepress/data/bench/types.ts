// The shape of a benchmark result file, docs/.vitepress/data/bench/<id>.json,
// written by `npm run bench` (scripts/bench/run.ts) and read by
// <BenchChart id="…" /> and <BenchRatio id="…" slow="…" fast="…" />.

export interface BenchCase {
  /** Stable key used by pages, e.g. `table-concat`. */
  key: string
  /** Short label shown next to the bar (may hold `code`). */
  label: string
  /** What the case does, one sentence. */
  description: string
  /** Median of `samples`, in the result's unit. */
  median: number
  min: number
  max: number
  /** First and third quartile of `samples`. */
  q1: number
  q3: number
  /** Every measured run, in the result's unit (warm-up runs excluded). */
  samples: number[]
}

export interface BenchEnv {
  /** `jit.version` as the benchmark saw it. */
  luajit: string
  /** CPU model from /proc/cpuinfo. */
  cpu: string
  /** Logical CPUs. */
  cpus: number
  /** e.g. `nginx/1.22.1`; only for benchmarks that run inside nginx. */
  nginx?: string
  /** `ngx.config.ngx_lua_version`, e.g. 10023 (= v0.10.23). */
  ngxLua?: number
  /** `uname -sr`. */
  os: string
  /** ISO date-time of the run. */
  date: string
  /** 1-minute load average when the benchmark finished: a busy machine means noisier numbers. */
  load?: number
}

export interface BenchResult {
  /** Equals the file name without `.json`. */
  id: string
  /** Chart title. */
  title: string
  /** Unit of every number, e.g. `ns`, `µs`. */
  unit: string
  /** What one measured operation is, e.g. "每次调用". Lower is better. */
  per: string
  /** Parameters of the run (piece counts, iterations, runs, …). */
  params: Record<string, number | string>
  cases: BenchCase[]
  /** Command that reproduces the whole benchmark set. */
  command: string
  /** The command of this benchmark alone. */
  detail: string
  env: BenchEnv
}

/** Narrow an unknown JSON value to a BenchResult, or say what is wrong. */
export function benchProblems(x: unknown, id?: string): string[] {
  const p: string[] = []
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v)
  if (!isObj(x)) return ['not an object']
  for (const k of ['id', 'title', 'unit', 'per', 'command', 'detail'] as const) {
    if (typeof x[k] !== 'string' || x[k] === '') p.push(`${k}: expected a non-empty string`)
  }
  if (id !== undefined && x.id !== id) p.push(`id: expected "${id}" (the file name), got ${JSON.stringify(x.id)}`)
  if (!isObj(x.params)) p.push('params: expected an object')
  if (!Array.isArray(x.cases) || x.cases.length < 2) p.push('cases: expected at least two cases')
  else {
    const keys = new Set<string>()
    x.cases.forEach((c: unknown, i: number) => {
      if (!isObj(c)) { p.push(`cases[${i}]: not an object`); return }
      for (const k of ['key', 'label', 'description'] as const) if (typeof c[k] !== 'string' || c[k] === '') p.push(`cases[${i}].${k}: expected a non-empty string`)
      for (const k of ['median', 'min', 'max', 'q1', 'q3'] as const) if (!num(c[k]) || (c[k] as number) <= 0) p.push(`cases[${i}].${k}: expected a positive number`)
      if (!Array.isArray(c.samples) || c.samples.length < 3 || !c.samples.every(num)) p.push(`cases[${i}].samples: expected at least 3 numbers`)
      if (num(c.min) && num(c.q1) && num(c.median) && num(c.q3) && num(c.max)) {
        const [a, b, m, d, e] = [c.min, c.q1, c.median, c.q3, c.max] as number[]
        if (!(a! <= b! && b! <= m! && m! <= d! && d! <= e!)) p.push(`cases[${i}]: expected min <= q1 <= median <= q3 <= max`)
      }
      if (typeof c.key === 'string') {
        if (keys.has(c.key)) p.push(`cases[${i}].key: duplicate "${c.key}"`)
        keys.add(c.key)
      }
    })
  }
  const env = x.env
  if (!isObj(env)) p.push('env: expected an object')
  else {
    for (const k of ['luajit', 'cpu', 'os', 'date'] as const) if (typeof env[k] !== 'string' || env[k] === '') p.push(`env.${k}: expected a non-empty string`)
    if (!num(env.cpus)) p.push('env.cpus: expected a number')
    if (typeof env.date === 'string' && Number.isNaN(Date.parse(env.date))) p.push('env.date: not a date')
  }
  return p
}
