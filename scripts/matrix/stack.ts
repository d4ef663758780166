// One verification stack as the matrix and troubleshooting runners see it:
// every path a run of nginx needs, in one object, taken from the example
// harness's stacks (Debian's packages, and the build of scripts/stack/build.sh).
import { spawnSync } from 'node:child_process'
import { debianStack as harnessDebian, loadModuleLines, openrestyStack, type Stack as HarnessStack } from '../examples/stacks.ts'

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

// The matrix and troubleshooting runners see the example harness's stacks
// (scripts/examples/stacks.ts) under ids that name their versions, so that a
// data file written from one build keeps its name.
function fromHarness(h: HarnessStack, id: string, label: string): Stack {
  return { id, label, nginx: h.nginx, loadModules: loadModuleLines(h), luaPackagePath: h.luaPackagePath, luaPackageCpath: h.luaPackageCpath }
}

/** Debian bookworm's nginx, libnginx-mod-http-lua and lua-resty-* packages, or what is missing. */
export function debianStack(): { stack: Stack; missing: [] } | { stack: null; missing: string[] } {
  const found = harnessDebian()
  if (!found.stack) return { stack: null, missing: found.missing.missing }
  return { stack: fromHarness(found.stack, 'debian-bookworm', 'Debian 12 软件包'), missing: [] }
}

/**
 * The stack scripts/stack/build.sh builds (nginx 1.26.3 + lua-nginx-module
 * 0.10.28 from Debian trixie sources, luajit2 with OpenResty's flags), when it
 * is built: an empty list otherwise.
 */
export function builtStacks(): Stack[] {
  const found = openrestyStack()
  if (!found.stack) return []
  const ngxVer = found.stack.versions.nginx
  const ngxLua = found.stack.versions['lua-nginx-module']
  return [fromHarness(found.stack, `built-nginx-${ngxVer}-lua-${ngxLua}`, `自建：nginx ${ngxVer} + lua-nginx-module ${ngxLua}，Debian trixie 源码`)]
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
