// Screenshots of the rendered SVGs, for a maintainer to look at:
//   npx vite-node scripts/diagrams/preview.ts      → PNGs in $TMPDIR/diagram-preview/
// Each PNG shows the light SVG on VitePress' light background above the dark
// SVG on the dark background, both loaded as <img> exactly as the site does.
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { IMAGE_DIR } from './config'
import { startChromium } from './chromium'
import { readManifest } from './source'

const out = path.join(os.tmpdir(), 'diagram-preview')
mkdirSync(out, { recursive: true })
const manifest = readManifest()
const only = (process.env.DIAGRAMS ?? '').split(',').filter(Boolean)
const browser = await startChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
  for (const [name, d] of Object.entries(manifest.diagrams)) {
    if (only.length && !only.includes(name)) continue
    const url = (f: string) => pathToFileURL(path.join(IMAGE_DIR, f)).href
    const html = path.join(out, `${name}.html`)
    writeFileSync(
      html,
      `<body style="margin:0"><div style="background:#fff;padding:16px"><img src="${url(d.light)}"></div>` +
        `<div style="background:#1b1b1f;padding:16px"><img src="${url(d.dark)}"></div></body>`,
    )
    await page.goto(pathToFileURL(html).href)
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete))
    const file = path.join(out, `${name}.png`)
    await page.screenshot({ path: file, fullPage: true })
    console.log(file)
  }
} finally {
  await browser.close()
}
