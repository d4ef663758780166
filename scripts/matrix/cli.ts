// npm run matrix: regenerates docs/.vitepress/data/matrix/<stack>.json on the
// Debian stack and on every built stack found (scripts/matrix/stack.ts).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtStacks, debianStack, type Stack } from './stack.ts'
import { generateMatrix } from './generate.ts'

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/.vitepress/data/matrix')

const debian = debianStack()
if (!debian.stack) {
  console.error(`matrix: missing ${debian.missing.join(', ')}`)
  process.exit(1)
}
const stacks: Stack[] = [debian.stack, ...builtStacks()]
const only = process.env.MATRIX_STACKS?.split(',')
for (const stack of stacks.filter((s) => !only || only.includes(s.id))) {
  const started = Date.now()
  const data = await generateMatrix(stack)
  const file = path.join(OUT, `${stack.id}.json`)
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n')
  const cells = data.apis.length * data.contexts.length
  console.log(`${stack.id}: nginx ${data.stack.nginx}, lua-nginx-module ${data.stack.ngxLua}: ${data.apis.length} APIs × ${data.contexts.length} contexts = ${cells} cells in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(process.cwd(), file)}`)
}
