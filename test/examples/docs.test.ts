// Every lua/nginx/perl code sample of docs/ is one test named docs/<page>.md:<line>,
// run on every build (scripts/examples/stacks.ts): Debian bookworm's packages
// and the OpenResty build of scripts/stack/build.sh.
// See CONTRIBUTING.md "代码示例" for the markers and scripts/examples/ for the runners.
import { describe, expect, test } from 'vitest'
import { ROOT, DOCS } from '../support/paths'
import { extractAll } from '../../scripts/examples/extract.ts'
import { isCI } from '../../scripts/examples/env.ts'
import { runSampleOnStacks } from '../../scripts/examples/run.ts'
import { describeMissing, findStacks } from '../../scripts/examples/stacks.ts'
import { countByPage, formatReport, runShare, totals } from '../../scripts/examples/stats.ts'

const extracted = extractAll(ROOT, DOCS)
const { stacks, missing } = findStacks()

// A missing build fails under CI; outside CI the samples run on the builds that
// are there, after a loud line naming what provides the others.
for (const m of missing) {
  const msg = `SKIPPED: code samples not run on the ${describeMissing(m)}`
  if (isCI()) {
    test(`code-sample prerequisites: ${m.id} stack`, () => {
      throw new Error(msg.replace(/^SKIPPED/, 'FAILED (CI=true)'))
    })
  } else {
    console.warn(`\n${'!'.repeat(80)}\n${msg}\n${'!'.repeat(80)}\n`)
  }
}

// Unmarked fences and bad markers: one failing test each, named by file:line.
for (const e of extracted.errors) {
  test(`${e.file}:${e.line}`, () => {
    throw new Error(`${e.file}:${e.line}: ${e.message}`)
  })
}

describe(`samples on ${stacks.map((s) => s.id).join(' + ') || 'no stack'}`, () => {
  for (const s of extracted.samples) {
    const name = `${s.file}:${s.line}`
    if (s.kind === 'fragment' || stacks.length === 0) test.skip(name, () => {})
    else test.concurrent(name, async () => { await runSampleOnStacks(s, stacks) })
  }
})

test('at least 90% of the samples run (not just checked or fragments)', () => {
  const pages = countByPage(extracted)
  const share = runShare(totals(pages))
  expect(share, formatReport(pages)).toBeGreaterThanOrEqual(0.9)
})
