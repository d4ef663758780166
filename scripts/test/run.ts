// `npm test`: every check, in two steps of phases run side by side, each with a timing line
// (`[test] phase typecheck: 41 s`) so the slow spot shows in every CI log.
// Every phase runs even after one fails, so one log shows every failure; the
// exit status is non-zero when any phase failed.
import { spawn } from 'node:child_process'

interface Phase {
  name: string
  run(): Promise<boolean>
}

/** Runs a command; with `quiet`, holds its output back and prints it when it ends (for phases that run side by side). */
function command(cmd: string, args: string[], quiet = false): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    const held: Buffer[] = []
    child.stdout?.on('data', (b: Buffer) => held.push(b))
    child.stderr?.on('data', (b: Buffer) => held.push(b))
    child.on('error', (e) => {
      console.error(`[test] ${cmd}: ${e.message}`)
      resolve(false)
    })
    child.on('close', (code) => {
      if (held.length) process.stdout.write(Buffer.concat(held))
      resolve(code === 0)
    })
  })
}

const phase = (name: string, run: () => Promise<boolean>): Phase => ({ name, run })
const vitest = (project: string, quiet = false) => phase(`vitest-${project}`, () => command('npx', ['vitest', 'run', '--project', project], quiet))

/** Runs a phase and prints its timing line. */
async function timed(p: Phase): Promise<boolean> {
  const started = Date.now()
  let ok = false
  try {
    ok = await p.run()
  } catch (e) {
    console.error(e)
  }
  console.log(`[test] phase ${p.name}: ${Math.round((Date.now() - started) / 1000)} s${ok ? '' : ' (FAILED)'}`)
  return ok
}

// The builds the `site` project tests (its globalSetup then finds them current).
const siteBuild = phase('site-build', () => command('npx', ['vite-node', 'scripts/test/build-site.ts'], true))

const started = Date.now()
const results: [string, boolean][] = []
const record = async (...phases: Phase[]) => {
  const oks = await Promise.all(phases.map(timed))
  phases.forEach((p, i) => results.push([p.name, oks[i]!]))
}

// Side by side where the machine has room (measured with /proc/stat on 2 cores):
// the site project keeps both cores busy (about 85 %), while the examples
// mostly wait on nginx and timers (about 25 %), so they run next to it. The
// type check, the unit tests, the lint and the site build share the first step.
// A phase that runs next to another holds its output back until it ends.
await record(phase('typecheck', () => command('npx', ['vue-tsc', '--noEmit'], true)), siteBuild, vitest('unit', true), phase('lint', () => command('npm', ['run', '--silent', 'lint:copy'], true)))
await record(vitest('site'), vitest('examples', true))

const failed = results.filter(([, ok]) => !ok).map(([name]) => name)
console.log(`[test] total: ${Math.round((Date.now() - started) / 1000)} s; ${failed.length ? `FAILED: ${failed.join(', ')}` : 'all phases passed'}`)
process.exitCode = failed.length ? 1 : 0

