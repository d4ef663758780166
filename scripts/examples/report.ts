// npm run examples:report — how many samples of each page run, are only
// checked, or are fragments; what runs on each build; the differences between
// builds that samples declare; and which fences lack a marker.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractAll } from './extract.ts'
import { BUILD_TAGS, expectedOutput } from './lex.ts'
import { debianStack, describeMissing, openrestyStack } from './stacks.ts'
import { countByPage, countByStack, formatReport, formatStackCounts } from './stats.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const x = extractAll(root, path.join(root, 'docs'))
const pages = countByPage(x)
console.log(formatReport(pages))

const builds = [debianStack(), openrestyStack()].map((r) =>
  r.stack ? { id: r.stack.id, label: r.stack.label, present: true } : { id: r.missing.id, label: describeMissing(r.missing), present: false })
console.log('\nbuilds (every run and check sample runs on each installed build):')
for (const b of builds) console.log(`  ${b.id}: ${b.present ? b.label : `NOT INSTALLED — ${b.label}`}`)
console.log(`\nper build:\n${formatStackCounts(countByStack(pages, builds))}`)

const declared = x.samples.filter((s) => s.differs)
console.log(`\ndeclared differences between builds (${declared.length}):`)
for (const s of declared) {
  console.log(`  ${s.file}:${s.line}`)
  for (const e of expectedOutput(s.code).filter((l) => l.build)) console.log(`    code line ${e.line}: [${e.build}] ${e.text}`)
}
console.log(`  (labels: ${BUILD_TAGS.join(', ')})`)

if (x.errors.length) {
  console.log('\nmarker problems:')
  for (const e of x.errors) console.log(`  ${e.file}:${e.line}: ${e.message}`)
}
const fragments = x.samples.filter((s) => s.marker === 'fragment')
if (fragments.length) {
  console.log('\nfragments:')
  for (const s of fragments) console.log(`  ${s.file}:${s.line}: ${s.reason}`)
}
