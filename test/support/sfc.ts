// Loads a .vue file in the `unit` Vitest project, which has no Vue plugin:
// compiles the SFC (script + inline template, client render function) into
// test/.output/sfc and imports that; Vitest still handles the TypeScript,
// `import.meta.glob` and `?raw` imports inside it.
import fs from 'node:fs'
import path from 'node:path'
import type { Component } from 'vue'
import { compileScript, parse } from 'vue/compiler-sfc'
import { ROOT } from './paths'

/** `tag` keeps the compiled files of different test files apart (they may run in parallel). */
export async function loadSfc(rel: string, tag: string): Promise<Component> {
  const file = path.join(ROOT, rel)
  const { descriptor } = parse(fs.readFileSync(file, 'utf8'), { filename: file })
  const code = compileScript(descriptor, { id: path.basename(file), inlineTemplate: true }).content
    // Relative imports and globs (components/ is two levels under .vitepress/)
    // become root-relative, which Vite resolves from the project root.
    .replaceAll(`'../../`, `'/docs/.vitepress/`)
    .replaceAll(`'../`, `'/docs/.vitepress/theme/`)
  const out = path.join(ROOT, 'test/.output/sfc', `${path.basename(file, '.vue')}.${tag}.ts`)
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(out, code)
  return ((await import(/* @vite-ignore */ out)) as { default: Component }).default
}
