// npm run examples:report — how many samples of each page run, are only
// checked, or are fragments; and which fences lack a marker.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractAll } from './extract.ts'
import { countByPage, formatReport } from './stats.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const x = extractAll(root, path.join(root, 'docs'))
console.log(formatReport(countByPage(x)))
if (x.errors.length) {
  console.log('\nmarker problems:')
  for (const e of x.errors) console.log(`  ${e.file}:${e.line}: ${e.message}`)
}
const fragments = x.samples.filter((s) => s.marker === 'fragment')
if (fragments.length) {
  console.log('\nfragments:')
  for (const s of fragments) console.log(`  ${s.file}:${s.line}: ${s.reason}`)
}
