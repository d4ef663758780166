// `npm run matrix:readme -- <README.markdown> <tag>` writes the "context:"
// lines of the probed APIs to docs/.vitepress/data/matrix/readme-<tag>.json.
// Fetch the README at the tag first (it is not committed), e.g.
// git -C lua-nginx-module show v0.10.28:README.markdown > /tmp/README.markdown
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PROBES } from './probes.ts'
import { readmeContexts } from './readme.ts'
import type { ReadmeContexts } from '../../docs/.vitepress/data/matrix/types.ts'

const [file, tag] = process.argv.slice(2)
if (!file || !tag) throw new Error('usage: vite-node scripts/matrix/readme.ts <README.markdown> <tag, e.g. v0.10.28>')
const all = readmeContexts(fs.readFileSync(file, 'utf8'))
const contexts: Record<string, string[]> = {}
const missing: string[] = []
for (const p of PROBES) {
  const c = all.get(p.api)
  if (c) contexts[p.api] = c
  else missing.push(p.api)
}
if (missing.length) throw new Error(`${file}: no "**context:**" line for ${missing.join(', ')}`)
const data: ReadmeContexts = {
  tag,
  source: `https://github.com/openresty/lua-nginx-module/blob/${tag}/README.markdown`,
  contexts,
}
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), `../../docs/.vitepress/data/matrix/readme-${tag}.json`)
fs.writeFileSync(out, JSON.stringify(data, null, 2) + '\n')
console.log(`${Object.keys(contexts).length} APIs → ${path.relative(process.cwd(), out)}`)
