// `npm run diagrams:check`: fails when a docs/image/*.mmd changed after its SVG
// was rendered (or was never rendered). Needs no browser.
import { findStaleDiagrams } from './source'

const problems = findStaleDiagrams()
if (problems.length) {
  console.error(`Diagrams out of date:\n${problems.map((p) => `  ${p}`).join('\n')}`)
  process.exitCode = 1
} else {
  console.log('Diagrams: every docs/image/*.mmd has current SVGs.')
}
