// Shiki's nginx grammar embeds Lua only for some *_by_lua_block directives
// (not header_filter_, body_filter_, exit_worker_, server_rewrite_, ...) and
// ends the block at the first `}`, so `local t = {}` cut it short. This
// derives a grammar that knows every phase and balances braces inside Lua.
import nginx from '@shikijs/langs/nginx'
import type { LanguageRegistration } from 'shiki'

/** A grammar rule, writable (Shiki's types are read-only). */
interface Rule {
  name?: string
  begin?: string
  patterns?: { include: string }[]
}

const PHASES = [
  'init', 'init_worker', 'exit_worker', 'set', 'rewrite', 'server_rewrite', 'access', 'content',
  'header_filter', 'body_filter', 'log', 'balancer', 'ssl_certificate', 'ssl_client_hello',
  'ssl_session_fetch', 'ssl_session_store',
].join('|')

/** The patched nginx grammar, preceded by the Lua grammar it embeds. */
export function nginxWithLua(): LanguageRegistration[] {
  const base = nginx.find((l) => l.name === 'nginx')
  if (!base) throw new Error('nginx-lua-grammar: Shiki no longer ships an nginx grammar')
  const grammar = structuredClone(base) as LanguageRegistration
  const luaBraces = { begin: '\\{', end: '\\}', patterns: [{ include: '#lua_braces' }, { include: 'source.lua' }] }
  grammar.repository = { ...grammar.repository, lua_braces: luaBraces } as LanguageRegistration['repository']
  const block = (grammar.patterns as Rule[]).find((p) => p.name === 'meta.context.lua.nginx' && p.begin?.endsWith('\\{'))
  if (!block) throw new Error('nginx-lua-grammar: the *_by_lua_block rule moved in Shiki\'s nginx grammar')
  block.begin = `\\b((?:${PHASES})_by_lua_block)\\s*\\{`
  block.patterns = [{ include: '#lua_braces' }, { include: 'source.lua' }]
  return [...nginx.filter((l) => l !== base), grammar]
}
