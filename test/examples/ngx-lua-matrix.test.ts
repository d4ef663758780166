// Regenerates the API × context matrix on real nginx and fails on any cell
// that differs from the committed data (docs/.vitepress/data/matrix/<stack>.json).
// To accept a real change: npm run matrix, then review the diff.
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { DOCS } from '../support/paths'
import { APT_HINT, isCI } from '../../scripts/examples/env.ts'
import { builtStacks, debianStack, type Stack } from '../../scripts/matrix/stack.ts'
import { generateMatrix } from '../../scripts/matrix/generate.ts'
import type { MatrixData } from '../../docs/.vitepress/data/matrix/types'

const found = debianStack()

function committed(id: string): MatrixData {
  const file = path.join(DOCS, `.vitepress/data/matrix/${id}.json`)
  if (!fs.existsSync(file)) throw new Error(`${file} is missing; run npm run matrix`)
  return JSON.parse(fs.readFileSync(file, 'utf8')) as MatrixData
}

/** One line per cell that differs, naming API and context. */
function diffMatrix(want: MatrixData, got: MatrixData): string[] {
  const out: string[] = []
  const show = (c: MatrixData['cells'][string][string] | undefined): string => (c ? `${c.result}${c.message ? ` "${c.message}"` : ''}` : '(no cell)')
  for (const k of ['nginx', 'ngxLua', 'restyCore'] as const) {
    if (want.stack[k] !== got.stack[k]) out.push(`stack ${k}: committed ${want.stack[k]}, ran ${got.stack[k]}`)
  }
  const apis = [...new Set([...want.apis, ...got.apis])]
  const ctxs = [...new Map([...want.contexts, ...got.contexts].map((c) => [c.key, c.label]))]
  for (const api of apis) {
    for (const [key, label] of ctxs) {
      const a = want.cells[api]?.[key]
      const b = got.cells[api]?.[key]
      if (show(a) !== show(b)) out.push(`${api} × ${label}: committed ${show(a)}, ran ${show(b)}`)
    }
  }
  return out
}

/** Committed matrices of built stacks (docs/.vitepress/data/matrix/built-*.json). */
const committedBuilt = fs.readdirSync(path.join(DOCS, '.vitepress/data/matrix')).filter((f) => /^built-.*\.json$/.test(f)).map((f) => f.slice(0, -'.json'.length))

function regenerates(stack: Stack): void {
  test(`the matrix regenerated on ${stack.id} equals the committed data`, async () => {
    const want = committed(stack.id)
    const got = await generateMatrix(stack)
    expect(got.apis.length, 'APIs probed').toBeGreaterThanOrEqual(30)
    expect(got.contexts.length, 'contexts probed').toBeGreaterThanOrEqual(10)
    const diff = diffMatrix(want, got)
    expect(diff, `cells that differ from docs/.vitepress/data/matrix/${stack.id}.json (npm run matrix regenerates it):\n${diff.join('\n')}`).toEqual([])
  })
}

if (!found.stack) {
  const msg = `SKIPPED: API × context matrix not regenerated; missing ${found.missing.join(', ')}. Install: ${APT_HINT}`
  if (isCI()) test('matrix prerequisites are installed', () => { throw new Error(msg.replace(/^SKIPPED/, 'FAILED (CI=true)')) })
  else console.warn(`\n${'!'.repeat(80)}\n${msg}\n${'!'.repeat(80)}\n`)
} else {
  regenerates(found.stack)
}

// A built stack (~/.cache/openresty-notes/stack-*) is checked when it is there;
// a committed matrix whose stack is not built is a loud skip, and a failure in CI.
const built = builtStacks()
for (const stack of built) regenerates(stack)
for (const id of committedBuilt.filter((id) => !built.some((s) => s.id === id))) {
  const msg = `SKIPPED: ${id}.json not regenerated: that stack is not built under ~/.cache/openresty-notes/ (scripts/stack/ builds it)`
  if (isCI()) test(`stack ${id} is built`, () => { throw new Error(msg.replace(/^SKIPPED/, 'FAILED (CI=true)')) })
  else console.warn(`\n${'!'.repeat(80)}\n${msg}\n${'!'.repeat(80)}\n`)
}
