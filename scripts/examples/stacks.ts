// The builds every sample runs on. Code that runs luajit or nginx takes one
// Stack and reads every tool path from it, so a caller can loop:
//
//   const { stacks } = findStacks()
//   for (const stack of stacks) await runSample(sample, stack)
//
// - `debian`: Debian bookworm's packages (luajit2 built without
//   LUAJIT_ENABLE_LUA52COMPAT, nginx 1.22.1, lua-nginx-module 0.10.23, ...);
// - `openresty`: the stack scripts/stack/build.sh builds from Debian's source
//   packages with OpenResty's LuaJIT flags (manifest.json in its cache dir).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BuildTag } from './lex.ts'

export type StackId = 'debian' | 'openresty'

export interface Stack {
  id: StackId
  /** The label of this build in `-->` lines: `--> [Debian] 0`. */
  tag: BuildTag
  /** Human label with versions, for reports and failures. */
  label: string
  /** Component versions (luajit2, nginx, lua-nginx-module, ...). */
  versions: Record<string, string>
  luajit: string
  nginx: string
  /** Dynamic modules in load order (NDK before lua-nginx-module). */
  modules: string[]
  /** lua_package_path / lua_package_cpath values, default path (`;;`) included. */
  luaPackagePath: string
  luaPackageCpath: string
  /** Environment for plain luajit so that `require "cjson"` and `require "resty.lrucache"` work. */
  env: { LUA_PATH: string; LUA_CPATH: string }
}

/** What a stack lacks, and the command that provides it. */
export interface MissingStack {
  id: StackId
  missing: string[]
  hint: string
}

export const LUA_SHARE = '/usr/share/lua/5.1'
export const LUA_LIB = '/usr/lib/x86_64-linux-gnu/lua/5.1'
export const NGX_MODULES = '/usr/lib/nginx/modules'
export const APT_HINT = 'apt-get install luajit2 nginx libnginx-mod-http-lua lua-resty-core lua-resty-lrucache lua-cjson'
export const BUILD_COMMAND = 'scripts/stack/build.sh'

/** The cache the build script writes to; `stack` links to the current build. */
export const stackCacheDir = (): string => process.env.OPENRESTY_NOTES_CACHE ?? path.join(os.homedir(), '.cache/openresty-notes')

/** `load_module` lines for a stack's nginx.conf. */
export const loadModuleLines = (stack: Stack): string => stack.modules.map((m) => `load_module ${m};\n`).join('')

const luaEnv = (share: string, lib: string): Stack['env'] => ({
  LUA_PATH: `${share}/?.lua;${share}/?/init.lua;;`,
  LUA_CPATH: `${lib}/?.so;;`,
})

/** Debian's Lua paths for plain luajit. */
export const LUA_ENV = luaEnv(LUA_SHARE, LUA_LIB)

function which(name: string, extra: string[] = []): string | null {
  for (const d of [...(process.env.PATH ?? '').split(':'), ...extra]) {
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

const debVersion = (pkg: string): string => {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' })
  // 1:0.10.23-1+deb12u1 -> 0.10.23: the upstream part, as the build's manifest gives it.
  return r.status === 0 ? r.stdout.replace(/^\d+:/, '').replace(/-[^-]*$/, '') : '?'
}

export function debianStack(): { stack: Stack; missing: [] } | { stack: null; missing: MissingStack } {
  const missing: string[] = []
  const luajit = which('luajit')
  const nginx = which('nginx', ['/usr/sbin'])
  if (!luajit) missing.push('luajit (luajit2)')
  if (!nginx) missing.push('nginx')
  const files: [string, string][] = [
    [`${NGX_MODULES}/ndk_http_module.so`, 'libnginx-mod-http-ndk'],
    [`${NGX_MODULES}/ngx_http_lua_module.so`, 'libnginx-mod-http-lua'],
    [`${LUA_SHARE}/resty/core.lua`, 'lua-resty-core'],
    [`${LUA_SHARE}/resty/lrucache.lua`, 'lua-resty-lrucache'],
    [`${LUA_LIB}/cjson.so`, 'lua-cjson'],
  ]
  for (const [f, pkg] of files) if (!fs.existsSync(f)) missing.push(`${pkg} (${f})`)
  if (missing.length || !luajit || !nginx) return { stack: null, missing: { id: 'debian', missing, hint: APT_HINT } }
  const versions = {
    luajit2: debVersion('luajit2'),
    nginx: debVersion('nginx'),
    'lua-nginx-module': debVersion('libnginx-mod-http-lua'),
    'lua-resty-core': debVersion('lua-resty-core'),
    'lua-resty-lrucache': debVersion('lua-resty-lrucache'),
    'lua-cjson': debVersion('lua-cjson'),
  }
  return {
    stack: {
      id: 'debian',
      tag: 'Debian',
      label: `Debian bookworm 软件包（luajit2 ${versions.luajit2}，nginx ${versions.nginx}，lua-nginx-module ${versions['lua-nginx-module']}，lua-resty-core ${versions['lua-resty-core']}，lua-resty-lrucache ${versions['lua-resty-lrucache']}，lua-cjson ${versions['lua-cjson']}）`,
      versions,
      luajit,
      nginx,
      modules: files.slice(0, 2).map(([f]) => f),
      luaPackagePath: `${LUA_SHARE}/?.lua;;`,
      luaPackageCpath: `${LUA_LIB}/?.so;;`,
      env: LUA_ENV,
    },
    missing: [],
  }
}

/** What scripts/stack/build.sh writes to stack-<key>/manifest.json. */
export interface StackManifest {
  key: string
  buildSeconds: number
  versions: Record<string, string>
  cjson: 'debian-package' | 'built'
  luajitMakeFlags: string[]
  nginxConfigureFlags: string[]
  luajit: string
  nginx: string
  modules: string[]
  luaPath: string
  luaCpath: string
}

export function readManifest(file = path.join(stackCacheDir(), 'stack', 'manifest.json')): StackManifest | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as StackManifest
  } catch {
    return null
  }
}

export function openrestyStack(): { stack: Stack; missing: [] } | { stack: null; missing: MissingStack } {
  const file = path.join(stackCacheDir(), 'stack', 'manifest.json')
  const m = readManifest(file)
  const hint = `${BUILD_COMMAND} (builds it in a few minutes, then reuses ${stackCacheDir()})`
  if (!m) return { stack: null, missing: { id: 'openresty', missing: [`the OpenResty build (${file})`], hint } }
  const absent = [m.luajit, m.nginx, ...m.modules, m.luaPath, m.luaCpath].filter((f) => !fs.existsSync(f))
  if (absent.length) return { stack: null, missing: { id: 'openresty', missing: absent, hint } }
  const v = m.versions
  const flags = m.luajitMakeFlags.filter((f) => f.startsWith('XCFLAGS=')).map((f) => f.slice('XCFLAGS='.length)).join(' ')
  return {
    stack: {
      id: 'openresty',
      tag: 'OpenResty',
      label: `OpenResty 构建（luajit2 ${v.luajit2} 加 ${flags}，nginx ${v.nginx}，lua-nginx-module ${v['lua-nginx-module']}，ngx_devel_kit ${v.ngx_devel_kit}，lua-resty-core ${v['lua-resty-core']}，lua-resty-lrucache ${v['lua-resty-lrucache']}，lua-cjson ${v['lua-cjson']}${m.cjson === 'built' ? '（从 Debian 源码编译）' : '（Debian 包的 cjson.so）'}）`,
      versions: v,
      luajit: m.luajit,
      nginx: m.nginx,
      modules: m.modules,
      luaPackagePath: `${m.luaPath}/?.lua;;`,
      luaPackageCpath: `${m.luaCpath}/?.so;;`,
      env: luaEnv(m.luaPath, m.luaCpath),
    },
    missing: [],
  }
}

/** Every stack that is installed, and what the others lack. Order: debian, openresty. */
export function findStacks(): { stacks: Stack[]; missing: MissingStack[] } {
  const stacks: Stack[] = []
  const missing: MissingStack[] = []
  for (const r of [debianStack(), openrestyStack()]) {
    if (r.stack) stacks.push(r.stack)
    else missing.push(r.missing)
  }
  return { stacks, missing }
}

/** One line per missing stack, naming what provides it. */
export const describeMissing = (m: MissingStack): string => `${m.id} stack: missing ${m.missing.join(', ')}; install: ${m.hint}`
