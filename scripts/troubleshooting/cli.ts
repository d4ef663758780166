// Runs every reproduction and fix of the troubleshooting page and prints what
// it found, with timings: vite-node scripts/troubleshooting/cli.ts [id...]
// on the Debian stack, or on a built one with STACK=<id> (scripts/matrix/stack.ts).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ENTRIES } from '../../docs/.vitepress/data/troubleshooting.ts'
import { builtStacks, debianStack } from '../matrix/stack.ts'
import { caseFiles, runCase } from './run.ts'

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs')
const found = debianStack()
if (!found.stack) throw new Error(`missing ${found.missing.join(', ')}`)
const stacks = [found.stack, ...builtStacks()]
const stack = stacks.find((s) => s.id === (process.env.STACK ?? found.stack!.id))
if (!stack) throw new Error(`STACK=${process.env.STACK}: no such stack (have ${stacks.map((s) => s.id).join(', ')})`)
const only = process.argv.slice(2)
const started = Date.now()
for (const e of ENTRIES.filter((x) => !only.length || only.includes(x.id))) {
  const t = Date.now()
  const files = caseFiles(DOCS, e.id)
  const repro = await runCase(stack, files.repro, e.request, `${e.id}-repro`)
  const fix = await runCase(stack, files.fix, e.request, `${e.id}-fix`)
  const seen = (o: typeof repro): boolean => `${o.log}\n${o.body}`.includes(e.error)
  console.log(`${seen(repro) && !seen(fix) ? 'ok  ' : 'FAIL'} ${e.id} (${Date.now() - t} ms): repro ${repro.status} ${seen(repro) ? 'has' : 'LACKS'} the string; fix ${fix.status} ${seen(fix) ? 'STILL HAS' : 'is clean'}`)
  if (process.env.VERBOSE) console.log(`--- repro body:\n${repro.body}\n--- repro log:\n${repro.log.split('\n').filter((l) => !/\[(notice|info)\]/.test(l) || l.includes(e.error)).join('\n')}\n--- fix body:\n${fix.body}\n--- fix log:\n${fix.log.split('\n').filter((l) => /\[(warn|error|alert|crit|emerg)\]/.test(l)).join('\n')}`)
}
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`)
