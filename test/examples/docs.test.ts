// Every lua/nginx/perl code sample of docs/ is one test named docs/<page>.md:<line>.
// See CONTRIBUTING.md "代码示例" for the markers and scripts/examples/ for the runners.
import { describe, expect, test } from 'vitest'
import { ROOT, DOCS } from '../support/paths'
import { extractAll } from '../../scripts/examples/extract.ts'
import { APT_HINT, findTools, isCI } from '../../scripts/examples/env.ts'
import { runSample } from '../../scripts/examples/run.ts'
import { countByPage, formatReport, runShare, totals } from '../../scripts/examples/stats.ts'

const extracted = extractAll(ROOT, DOCS)
const found = findTools()
const tools = found.tools

if (!tools) {
  const msg = `SKIPPED: code samples not run; missing ${found.missing.join(', ')}. Install: ${APT_HINT}`
  if (isCI()) {
    test('code-sample prerequisites are installed', () => {
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

describe('samples', () => {
  for (const s of extracted.samples) {
    const name = `${s.file}:${s.line}`
    if (s.kind === 'fragment' || !tools) test.skip(name, () => {})
    else test.concurrent(name, async () => { await runSample(s, tools) })
  }
})

test('at least 90% of the samples run (not just checked or fragments)', () => {
  const pages = countByPage(extracted)
  const share = runShare(totals(pages))
  expect(share, formatReport(pages)).toBeGreaterThanOrEqual(0.9)
})
