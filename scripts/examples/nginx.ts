// Starts throw-away nginx servers for the samples, talks HTTP to them, and
// always stops them by pid.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { nginxStatements } from './lex.ts'
import { LUA_LIB, LUA_SHARE, NGX_MODULES, loadModuleLines, type Stack } from './stacks.ts'

/** The Debian stack's load_module lines (a conf without a `stack` gets these). */
export const LOAD_MODULES = `load_module ${NGX_MODULES}/ndk_http_module.so;\nload_module ${NGX_MODULES}/ngx_http_lua_module.so;\n`

/** The nginx-side paths of a stack; Debian's when none is given. */
function stackConf(stack: Stack | undefined): { modules: string; path: string; cpath: string } {
  return stack
    ? { modules: loadModuleLines(stack), path: stack.luaPackagePath, cpath: stack.luaPackageCpath }
    : { modules: LOAD_MODULES, path: `${LUA_SHARE}/?.lua;;`, cpath: `${LUA_LIB}/?.so;;` }
}

/** Directives that belong in the main (top-level) context. */
const MAIN_LEVEL = new Set(['env', 'pcre_jit', 'thread_pool', 'worker_rlimit_nofile', 'lua_load_resty_core'])
/** Directives that belong in http{} and are hoisted out of a server-level sample. */
const HTTP_LEVEL = new Set([
  'lua_shared_dict', 'lua_package_path', 'lua_package_cpath', 'lua_code_cache', 'upstream', 'server',
  'lua_max_pending_timers', 'lua_max_running_timers', 'lua_regex_cache_max_entries', 'lua_regex_match_limit',
  'lua_capture_error_log', 'lua_sa_restart', 'lua_worker_thread_vm_pool_size', 'lua_malloc_trim',
  'map', 'geo', 'limit_req_zone', 'limit_conn_zone', 'proxy_cache_path', 'log_format', 'lua_ssl_protocols',
])
const HTTP_LEVEL_RE = /^(init|init_worker|exit_worker)_by_lua(_block|_file)?$/

export interface SplitConfig {
  main: string
  http: string
  server: string
  /** The sample is a whole nginx.conf (it has an http{} block). */
  full: boolean
}

/** Splits a server-level sample into main-, http- and server-level parts. */
export function splitServerConfig(config: string): SplitConfig {
  const st = nginxStatements(config)
  if (st.some((s) => s.name === 'http' && s.block)) return { main: '', http: '', server: config, full: true }
  const main: string[] = []
  const http: string[] = []
  const server: string[] = []
  for (const s of st) {
    if (MAIN_LEVEL.has(s.name)) main.push(s.text)
    else if (HTTP_LEVEL.has(s.name) || HTTP_LEVEL_RE.test(s.name)) http.push(s.text)
    else server.push(s.text)
  }
  return { main: main.join('\n'), http: http.join('\n'), server: server.join('\n'), full: false }
}

export interface ConfParts {
  prefix: string
  port: number
  main?: string
  http?: string
  server?: string
  /** error_log level; `info` unless told. */
  logLevel?: string
  /** Extra text of the server block that goes before `server` (Test::Nginx's preamble). */
  serverPreamble?: string
  masterProcess?: boolean
  workers?: number
  /** The build whose modules and Lua paths the conf uses; Debian's when absent. */
  stack?: Stack
}

/** A complete nginx.conf around the given parts. */
export function buildConf(p: ConfParts): string {
  const http = p.http ?? ''
  const sc = stackConf(p.stack)
  const pkgPath = (/\blua_package_path\b/.test(http) ? '' : `    lua_package_path "${sc.path}";\n`)
    + (/\blua_package_cpath\b/.test(http) ? '' : `    lua_package_cpath "${sc.cpath}";\n`)
  const pr = p.prefix
  return `${sc.modules}
worker_processes ${p.workers ?? 1};
daemon off;
master_process ${p.masterProcess ? 'on' : 'off'};
error_log ${pr}/logs/error.log ${p.logLevel ?? 'info'};
pid ${pr}/logs/nginx.pid;
${p.main ?? ''}

events {
    accept_mutex off;
    worker_connections 256;
}

http {
    access_log off;
    default_type text/plain;
    keepalive_timeout 68000ms;
    client_body_temp_path ${pr}/client_body_temp;
    proxy_temp_path ${pr}/proxy_temp;
    fastcgi_temp_path ${pr}/fastcgi_temp;
    scgi_temp_path ${pr}/scgi_temp;
    uwsgi_temp_path ${pr}/uwsgi_temp;
${pkgPath}
${http}

    server {
        listen 127.0.0.1:${p.port};
        server_name 'localhost';
        client_max_body_size 30M;
${p.serverPreamble ?? ''}
${p.server ?? ''}
    }
}
`
}

/** A complete config for a sample that is already a whole nginx.conf: add the modules and paths it needs. */
export function completeFullConf(config: string, prefix: string, stack?: Stack): string {
  let out = config
  const sc = stackConf(stack)
  if (!/\bngx_http_lua_module\.so\b/.test(out)) out = sc.modules + out
  if (!/\blua_package_path\b/.test(out)) out = out.replace(/^(\s*http\s*\{)/m, `$1\n    lua_package_path "${sc.path}";`)
  if (!/\blua_package_cpath\b/.test(out)) out = out.replace(/^(\s*http\s*\{)/m, `$1\n    lua_package_cpath "${sc.cpath}";`)
  if (!/^\s*events\s*\{/m.test(out)) out += '\nevents {}\n'
  if (!/^\s*pid\s/m.test(out)) out = `pid ${prefix}/logs/nginx.pid;\n` + out
  return out
}

export function makePrefix(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sample-${tag.replace(/[^\w.-]+/g, '_')}-`))
  fs.mkdirSync(path.join(dir, 'logs'))
  fs.mkdirSync(path.join(dir, 'conf'))
  fs.mkdirSync(path.join(dir, 'html'))
  return dir
}

export function removePrefix(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true })
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/** `nginx -t` on a config file; returns null when it passes, else the output. */
export function nginxTest(nginx: string, prefix: string, confFile: string): string | null {
  const r = spawnSync(nginx, ['-t', '-q', '-p', prefix, '-e', `${prefix}/logs/error.log`, '-c', confFile], { encoding: 'utf8', timeout: 30_000 })
  if (r.status === 0) return null
  return (r.stderr + r.stdout).trim() || `nginx -t exited with ${r.status}`
}

export interface RunningNginx {
  proc: ChildProcess
  prefix: string
  port: number
  errorLog: string
  stop(): Promise<void>
  /** stderr and the error log so far. */
  output(): string
}

export class NginxStartError extends Error {}

/**
 * Whether process `pid` holds the socket listening on 127.0.0.1:`port` (Linux:
 * /proc/net/tcp gives the listener's inode, /proc/PID/fd the process's sockets).
 * A connection alone proves only that *something* listens there: when two
 * samples drew the same port, the nginx that lost the race keeps retrying its
 * bind() for a few seconds, and a readiness check by connecting sent the
 * request to the other sample's server.
 */
export function listensOn(pid: number, port: number): boolean {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`
  const inodes = new Set<string>()
  for (const line of fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/)
    if (f[1] === local && f[3] === '0A') inodes.add(f[9]!) // 0A: LISTEN
  }
  if (!inodes.size) return false
  let fds: string[]
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`)
  } catch {
    return false
  }
  return fds.some((fd) => {
    try {
      return inodes.has(/^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? '')
    } catch {
      return false
    }
  })
}

function connectOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port })
    sock.once('connect', () => { sock.destroy(); resolve(true) })
    sock.once('error', () => resolve(false))
  })
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Starts nginx in the foreground on `conf`; resolves once the port accepts connections. */
export async function startNginx(nginx: string, prefix: string, conf: string, port: number): Promise<RunningNginx> {
  const confFile = path.join(prefix, 'conf', 'nginx.conf')
  fs.writeFileSync(confFile, conf)
  const errorLog = path.join(prefix, 'logs', 'error.log')
  let stderr = ''
  const proc = spawn(nginx, ['-p', prefix, '-e', errorLog, '-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'] })
  proc.stdout!.on('data', (d: Buffer) => { stderr += d.toString() })
  proc.stderr!.on('data', (d: Buffer) => { stderr += d.toString() })
  let exited: number | null | undefined
  const exitP = new Promise<void>((resolve) => proc.once('exit', (code) => { exited = code; resolve() }))
  proc.once('error', (e) => { stderr += String(e); exited = -1 })
  const readLog = (): string => { try { return fs.readFileSync(errorLog, 'utf8') } catch { return '' } }
  const stop = async (): Promise<void> => {
    if (exited !== undefined || proc.pid === undefined) return
    try { process.kill(proc.pid, 'SIGTERM') } catch { return }
    const t = setTimeout(() => { try { if (proc.pid !== undefined) process.kill(proc.pid, 'SIGKILL') } catch { /* gone */ } }, 3000)
    await exitP
    clearTimeout(t)
  }
  const running: RunningNginx = { proc, prefix, port, errorLog, stop, output: () => `${stderr}${readLog()}` }
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new NginxStartError(`nginx failed to start (exit ${exited}):\n${indent(lastLines(`${stderr}\n${readLog()}`.trim(), 20))}`)
    }
    // Ready when the port accepts connections and the listener is this nginx.
    if ((await connectOnce(port)) && proc.pid !== undefined && listensOn(proc.pid, port)) return running
    await sleep(15)
  }
  await stop()
  throw new NginxStartError(`nginx did not listen on 127.0.0.1:${port} within 15 s:\n${indent(lastLines(running.output(), 20))}`)
}

export interface HttpResponse {
  status: number
  /** Raw header block (status line excluded), CRLF-separated. */
  rawHeaders: string
  headers: [string, string][]
  body: string
}

/** One HTTP request over a fresh connection; the caller supplies Host/Connection if wanted. */
export function httpRequest(port: number, raw: string, timeoutMs = 15_000): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    const timer = setTimeout(() => { sock.destroy(); reject(new Error(`no complete response within ${timeoutMs} ms`)) }, timeoutMs)
    sock.on('connect', () => sock.write(raw))
    sock.on('data', (d: Buffer) => chunks.push(d))
    sock.on('error', (e) => { clearTimeout(timer); reject(e) })
    sock.on('close', () => {
      clearTimeout(timer)
      try {
        resolve(parseResponse(Buffer.concat(chunks), /^HEAD\s/.test(raw)))
      } catch (e) {
        reject(e)
      }
    })
  })
}

export function parseResponse(buf: Buffer, head: boolean): HttpResponse {
  const sep = buf.indexOf('\r\n\r\n')
  if (sep < 0) throw new Error(`incomplete HTTP response: ${JSON.stringify(buf.toString('latin1').slice(0, 200))}`)
  const headText = buf.subarray(0, sep).toString('latin1')
  const [statusLine, ...headerLines] = headText.split('\r\n')
  const m = /^HTTP\/\d\.\d\s+(\d{3})/.exec(statusLine ?? '')
  if (!m) throw new Error(`bad status line: ${statusLine}`)
  const headers: [string, string][] = headerLines.map((l) => {
    const k = l.indexOf(':')
    return [l.slice(0, k).trim(), l.slice(k + 1).trim()] as [string, string]
  })
  let rest = buf.subarray(sep + 4)
  const get = (n: string): string | undefined => headers.find(([k]) => k.toLowerCase() === n)?.[1]
  let body: Buffer
  if (head) body = Buffer.alloc(0)
  else if ((get('transfer-encoding') ?? '').toLowerCase() === 'chunked') {
    const parts: Buffer[] = []
    for (;;) {
      const eol = rest.indexOf('\r\n')
      if (eol < 0) break
      const size = parseInt(rest.subarray(0, eol).toString('latin1'), 16)
      if (!Number.isFinite(size) || size === 0) break
      parts.push(rest.subarray(eol + 2, eol + 2 + size))
      rest = rest.subarray(eol + 2 + size + 2)
    }
    body = Buffer.concat(parts)
  } else {
    const len = get('content-length')
    body = len !== undefined ? rest.subarray(0, Number(len)) : rest
  }
  return { status: Number(m[1]), rawHeaders: headerLines.join('\r\n') + '\r\n', headers, body: body.toString('utf8') }
}

export function lastLines(s: string, n: number): string {
  const lines = s.split('\n')
  return lines.slice(Math.max(0, lines.length - n)).join('\n')
}

export function indent(s: string, pad = '    '): string {
  return s.split('\n').map((l) => pad + l).join('\n')
}

/** The [error]/[alert]/[crit]/[emerg] lines of an error log: what explains a 500. */
export function errorLines(log: string): string {
  return log.split('\n').filter((l) => /\[(error|alert|crit|emerg)\]/.test(l)).slice(-10).join('\n')
}
