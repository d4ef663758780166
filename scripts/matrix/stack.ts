// One verification stack: every path a run of nginx needs, in one object, so a
// script can be pointed at Debian's packages or at a locally built
// OpenResty-like stack (TEAM.md: the harness is becoming two-stack).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { findTools, LUA_SHARE, LUA_LIB, NGX_MODULES } from '../examples/env.ts'

export interface Stack {
  /** Short id used in file names, e.g. `debian-bookworm`. */
  id: string
  /** Human-readable name for pages and messages. */
  label: string
  nginx: string
  /** `load_module ...;` lines for the main context (empty when the modules are built in). */
  loadModules: string
  /** Value of `lua_package_path` (and LUA_PATH). */
  luaPackagePath: string
  /** Value of `lua_package_cpath` (and LUA_CPATH). */
  luaPackageCpath: string
}

/** Debian bookworm's nginx, libnginx-mod-http-lua and lua-resty-* packages, or what is missing. */
export function debianStack(): { stack: Stack; missing: [] } | { stack: null; missing: string[] } {
  const found = findTools()
  if (!found.tools) return { stack: null, missing: found.missing }
  return {
    stack: {
      id: 'debian-bookworm',
      label: 'Debian 12 软件包',
      nginx: found.tools.nginx,
      loadModules: `load_module ${NGX_MODULES}/ndk_http_module.so;\nload_module ${NGX_MODULES}/ngx_http_lua_module.so;\n`,
      luaPackagePath: `${LUA_SHARE}/?.lua;${LUA_SHARE}/?/init.lua;;`,
      luaPackageCpath: `${LUA_LIB}/?.so;;`,
    },
    missing: [],
  }
}

/**
 * The stacks built under ~/.cache/openresty-notes/stack-<key>/ (scripts/stack/
 * of the h-stack work: nginx 1.26.3 + lua-nginx-module 0.10.28 from Debian
 * trixie sources, luajit2 with OpenResty's flags), read from each manifest.json.
 * The id names the versions, so a rebuild writes the same data file.
 */
export function builtStacks(): Stack[] {
  const root = path.join(os.homedir(), '.cache/openresty-notes')
  if (!fs.existsSync(root)) return []
  const out: Stack[] = []
  for (const dir of fs.readdirSync(root).filter((d) => d.startsWith('stack-')).sort()) {
    const file = path.join(root, dir, 'manifest.json')
    if (!fs.existsSync(file)) continue // still building
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      nginx?: string; modules?: string[]; luaPath?: string; luaCpath?: string; versions?: Record<string, string>
    }
    const nginx = m.nginx
    const ngxLua = m.versions?.['lua-nginx-module']
    const ngxVer = m.versions?.nginx
    if (!nginx || !m.luaPath || !m.luaCpath || !ngxLua || !ngxVer || !Array.isArray(m.modules)) {
      throw new Error(`${file}: expected nginx, modules[], luaPath, luaCpath and versions.{nginx,lua-nginx-module}`)
    }
    out.push({
      id: `built-nginx-${ngxVer}-lua-${ngxLua}`,
      label: `自建：nginx ${ngxVer} + lua-nginx-module ${ngxLua}，Debian trixie 源码`,
      nginx,
      loadModules: m.modules.map((mod) => `load_module ${mod};\n`).join(''),
      luaPackagePath: `${m.luaPath}/?.lua;${m.luaPath}/?/init.lua;;`,
      luaPackageCpath: `${m.luaCpath}/?.so;;`,
    })
  }
  return out
}

/** `nginx version: nginx/1.22.1` → `1.22.1`. */
export function nginxVersion(stack: Stack): string {
  const r = spawnSync(stack.nginx, ['-v'], { encoding: 'utf8' })
  const m = /nginx\/([\d.]+)/.exec(`${r.stderr}${r.stdout}`)
  if (!m) throw new Error(`${stack.nginx} -v printed no version: ${r.stderr}`)
  return m[1]!
}

export interface StackConfParts {
  prefix: string
  port: number
  main?: string
  http?: string
  server?: string
}

/** A whole nginx.conf on `stack` around main-, http- and server-level parts (one worker, foreground, info log). */
export function stackConf(stack: Stack, p: StackConfParts): string {
  const pkg = /\blua_package_path\b/.test(p.http ?? '') ? '' : `    lua_package_path "${stack.luaPackagePath}";\n    lua_package_cpath "${stack.luaPackageCpath}";\n`
  return `${stack.loadModules}
worker_processes 1;
daemon off;
master_process off;
error_log ${p.prefix}/logs/error.log info;
pid ${p.prefix}/logs/nginx.pid;
${p.main ?? ''}
events { worker_connections 256; }
http {
    access_log off;
    default_type text/plain;
    client_body_temp_path ${p.prefix}/client_body_temp;
    proxy_temp_path ${p.prefix}/proxy_temp;
    fastcgi_temp_path ${p.prefix}/fastcgi_temp;
    scgi_temp_path ${p.prefix}/scgi_temp;
    uwsgi_temp_path ${p.prefix}/uwsgi_temp;
${pkg}${p.http ?? ''}
    server {
        listen 127.0.0.1:${p.port};
        server_name localhost;
${p.server ?? ''}
    }
}
`
}
