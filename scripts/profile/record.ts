// `npm run profile`: records scripts/profile/demo.lua with LuaJIT's bundled
// profiler and writes the folded stacks that <FlameGraph name="demo" /> draws.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { toFolded } from './to-folded'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const out = path.join(root, 'docs/.vitepress/data/flame/demo.folded')

// F: name frames module:function; v: split samples by VM state;
// i1: sample every 1 ms; G: raw `stack count` lines for graphical tools.
export const PROFILE_FLAGS = 'Fvi1G'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-'))
const rawFile = path.join(tmp, 'demo.jp.txt')
try {
  // Run from scripts/profile so frames read `demo.lua:…`, not a full path.
  execFileSync('luajit', [`-jp=${PROFILE_FLAGS},${rawFile}`, 'demo.lua'], { cwd: here, stdio: 'inherit' })
  const raw = fs.readFileSync(rawFile, 'utf8')
  // The bottom frame is luajit's own C entry point; drop it.
  const folded = toFolded(raw, { dropRootFrames: 1 })
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(out, folded)
  const total = folded.trim().split('\n').reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0)
  console.log(`wrote ${path.relative(root, out)}: ${folded.trim().split('\n').length} stacks, ${total} samples`)
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}
