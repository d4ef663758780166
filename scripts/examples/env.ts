// Where the tools live, and whether everything the samples need is installed.
import fs from 'node:fs'
import path from 'node:path'

export const LUA_SHARE = '/usr/share/lua/5.1'
export const LUA_LIB = '/usr/lib/x86_64-linux-gnu/lua/5.1'
export const NGX_MODULES = '/usr/lib/nginx/modules'
export const APT_HINT = 'apt-get install luajit2 nginx libnginx-mod-http-lua lua-resty-core lua-resty-lrucache lua-cjson'

/** `LUA_PATH`/`LUA_CPATH` so that `require "cjson"` and `require "resty.lrucache"` work under plain luajit. */
export const LUA_ENV = {
  LUA_PATH: `${LUA_SHARE}/?.lua;${LUA_SHARE}/?/init.lua;;`,
  LUA_CPATH: `${LUA_LIB}/?.so;;`,
}

function which(name: string, extra: string[] = []): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), ...extra]
  for (const d of dirs) {
    if (!d) continue
    const p = path.join(d, name)
    try {
      fs.accessSync(p, fs.constants.X_OK)
      return p
    } catch {
      // keep looking
    }
  }
  return null
}

export interface Tools {
  luajit: string
  nginx: string
}

/** The tools, or the list of what is missing. */
export function findTools(): { tools: Tools; missing: [] } | { tools: null; missing: string[] } {
  const missing: string[] = []
  const luajit = which('luajit')
  const nginx = which('nginx', ['/usr/sbin', '/usr/local/openresty/nginx/sbin'])
  if (!luajit) missing.push('luajit (luajit2)')
  if (!nginx) missing.push('nginx')
  const files: [string, string][] = [
    [`${NGX_MODULES}/ngx_http_lua_module.so`, 'libnginx-mod-http-lua'],
    [`${NGX_MODULES}/ndk_http_module.so`, 'libnginx-mod-http-ndk'],
    [`${LUA_SHARE}/resty/core.lua`, 'lua-resty-core'],
    [`${LUA_SHARE}/resty/lrucache.lua`, 'lua-resty-lrucache'],
    [`${LUA_LIB}/cjson.so`, 'lua-cjson'],
  ]
  for (const [f, pkg] of files) if (!fs.existsSync(f)) missing.push(`${pkg} (${f})`)
  if (missing.length || !luajit || !nginx) return { tools: null, missing }
  return { tools: { luajit, nginx }, missing: [] }
}

export const isCI = (): boolean => process.env.CI === 'true'
