// The Debian stack under the names older code uses (the bench runner, the
// harness tests). New code takes a Stack from stacks.ts `findStacks()`.
import { debianStack, type Stack } from './stacks.ts'

export { APT_HINT, LUA_ENV, LUA_LIB, LUA_SHARE, NGX_MODULES } from './stacks.ts'

/** A stack: every runner takes one (the tool paths, modules and Lua paths). */
export type Tools = Stack

/** The Debian stack, or the list of what is missing. */
export function findTools(): { tools: Tools; missing: [] } | { tools: null; missing: string[] } {
  const r = debianStack()
  return r.stack ? { tools: r.stack, missing: [] } : { tools: null, missing: r.missing.missing }
}

export const isCI = (): boolean => process.env.CI === 'true'
