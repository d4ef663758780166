// `npm run diagrams`: renders docs/image/*.mmd (see render.ts). Exits 1 and
// names the .mmd file and line on a Mermaid syntax error.
//   DIAGRAMS=a,b npm run diagrams       only these diagrams
//   DIAGRAMS_ALLOW_OVERFLOW=1           report clipped labels as warnings
import { renderDiagrams } from './render'

const names = (process.env.DIAGRAMS ?? '').split(',').map((s) => s.trim()).filter(Boolean)
try {
  await renderDiagrams({ names, allowOverflow: process.env.DIAGRAMS_ALLOW_OVERFLOW === '1' })
} catch (e) {
  console.error(`\n${(e as Error).message}`)
  process.exitCode = 1
}
