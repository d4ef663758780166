// Every entry of the troubleshooting page (docs/ngx-lua/troubleshooting.md):
// its reproduction makes nginx print the exact error string (in error.log,
// nginx's output or the response), and its fix answers 200 without it.
import { describe, expect, test } from 'vitest'
import { DOCS } from '../support/paths'
import { APT_HINT, isCI } from '../../scripts/examples/env.ts'
import { builtStacks, debianStack, type Stack } from '../../scripts/matrix/stack.ts'
import { caseFiles, runCase, type CaseOutcome } from '../../scripts/troubleshooting/run.ts'
import { ENTRIES } from '../../docs/.vitepress/data/troubleshooting'

const found = debianStack()
const seen = (o: CaseOutcome, s: string): boolean => o.log.includes(s) || o.body.includes(s)
const excerpt = (o: CaseOutcome): string =>
  `status ${o.status ?? '(nginx did not start)'}\n  body: ${JSON.stringify(o.body.slice(0, 300))}\n  log (warn and worse):\n${o.log.split('\n').filter((l) => /\[(warn|error|crit|alert|emerg)\]/.test(l)).slice(-8).map((l) => `    ${l}`).join('\n')}`

test('the page has at least 15 entries', () => {
  expect(ENTRIES.length).toBeGreaterThanOrEqual(15)
})

if (!found.stack) {
  const msg = `SKIPPED: troubleshooting reproductions not run; missing ${found.missing.join(', ')}. Install: ${APT_HINT}`
  if (isCI()) test('troubleshooting prerequisites are installed', () => { throw new Error(msg.replace(/^SKIPPED/, 'FAILED (CI=true)')) })
  else console.warn(`\n${'!'.repeat(80)}\n${msg}\n${'!'.repeat(80)}\n`)
} else {
  for (const stack of [found.stack, ...builtStacks()]) entriesOn(stack)
}

function entriesOn(stack: Stack): void {
  describe.each(ENTRIES.map((e) => [e.id, e] as const))(`${stack.id}: docs/ngx-lua/errors/%s`, (id, entry) => {
    const files = caseFiles(DOCS, id)
    test(`${id}.repro.conf prints "${entry.error}"`, async () => {
      const o = await runCase(stack, files.repro, entry.request, `${id}-repro`)
      expect(seen(o, entry.error), `the reproduction did not print "${entry.error}":\n  ${excerpt(o)}`).toBe(true)
    })
    const declared = entry.fixFailsOn?.[stack.id]
    if (declared) {
      test(`${id}.fix.conf still prints it here (declared: ${declared})`, async () => {
        const o = await runCase(stack, files.fix, entry.request, `${id}-fix`)
        expect(seen(o, entry.error), `the declared difference is gone; drop fixFailsOn["${stack.id}"]:\n  ${excerpt(o)}`).toBe(true)
      })
      return
    }
    const status = entry.fixStatus ?? 200
    test(`${id}.fix.conf answers ${status} without it`, async () => {
      const o = await runCase(stack, files.fix, entry.request, `${id}-fix`)
      expect(seen(o, entry.error), `the fix still prints "${entry.error}":\n  ${excerpt(o)}`).toBe(false)
      expect(o.status, `the fix answered ${o.status ?? '(nginx did not start)'}, expected ${status}:\n  ${excerpt(o)}`).toBe(status)
    })
  })
}
