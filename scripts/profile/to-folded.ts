// Converts the output of LuaJIT's bundled profiler in raw graph mode
// (`luajit -jp=<flags>G,<file>`, see jit/p.lua) into Brendan Gregg's
// "folded" stack format: one `frame;frame;frame count` line per unique stack,
// root first.
//
// jit/p.lua with `G` already writes `stack count` lines with frames joined by
// `;` from caller to callee. Two things still need work:
//
// - With `v` (VM states) added, each stack line is followed by lines such as
//   `Compiled 12` or `C code 3` that split its samples by VM state. They are
//   turned into an extra leaf frame, so the flame graph shows what the VM was
//   doing on top of each Lua stack.
// - C functions that LuaJIT cannot name are printed as addresses
//   (`@0x5597c7604380`), which change on every run; they become `[C]`.

/** The VM states jit.profile reports (see map_vmmode in jit/p.lua), as leaf frames. */
export const vmStateFrames: Readonly<Record<string, string>> = {
  Compiled: '[VM 状态：已编译]',
  Interpreted: '[VM 状态：解释执行]',
  'C code': '[VM 状态：C 代码]',
  'Garbage Collector': '[VM 状态：垃圾回收]',
  'JIT Compiler': '[VM 状态：JIT 编译器]',
}

export interface FoldOptions {
  /** Frames dropped from the root end of every stack, e.g. the C entry point. */
  dropRootFrames?: number
}

const LINE = /^(.*\S)\s+(\d+)$/

/** Parses jit/p.lua `G` output (with or without `v`) into folded lines, sorted. */
export function toFolded(raw: string, options: FoldOptions = {}): string {
  const drop = options.dropRootFrames ?? 0
  const counts = new Map<string, number>()
  let current: { frames: string[]; count: number; split: number } | null = null

  const flush = () => {
    if (!current) return
    // A stack whose samples were not (fully) split by VM state keeps the rest itself.
    const rest = current.count - current.split
    if (rest > 0) add(current.frames, rest)
    current = null
  }
  const add = (frames: string[], n: number) => {
    const kept = frames.slice(drop)
    if (kept.length === 0) return
    const key = kept.join(';')
    counts.set(key, (counts.get(key) ?? 0) + n)
  }

  raw.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('[No samples')) return
    const m = LINE.exec(line)
    if (!m) throw new Error(`line ${i + 1}: expected "<stack> <count>", got ${JSON.stringify(line)}`)
    const key = m[1]!
    const n = Number(m[2])
    const state = vmStateFrames[key]
    if (state !== undefined && current) {
      add([...current.frames, state], n)
      current.split += n
      return
    }
    flush()
    const frames = key.split(';').map((f) => (/^@0x[0-9a-f]+$/i.test(f) ? '[C]' : f))
    current = { frames, count: n, split: 0 }
  })
  flush()

  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, n]) => `${k} ${n}\n`)
    .join('')
}
