// `import tree from './x.folded?packed'`: the folded stacks parsed at build
// time and shipped as a packed call tree (data/flame/layout.ts), so the
// flame-graph page downloads the tree, not the text it was made from.
import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'
import { packFlame, parseFolded } from '../data/flame/layout'

const SUFFIX = '.folded?packed'

export function packedFlame(): Plugin {
  return {
    name: 'openresty-notes:packed-flame',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith(SUFFIX)) return
      const file = id.slice(0, -'?packed'.length)
      this.addWatchFile(file)
      let packed
      try {
        packed = packFlame(parseFolded(fs.readFileSync(file, 'utf8')))
      } catch (e) {
        this.error(`${path.relative(process.cwd(), file)}: ${(e as Error).message}`)
      }
      return `export default ${JSON.stringify(packed)}`
    },
  }
}
