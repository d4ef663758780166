// Runs one reproduction or fix of the troubleshooting page (docs/ngx-lua/errors/)
// on a stack: the server-level configuration in a real nginx on 127.0.0.1,
// one request, then everything a reader could see: the status, the body,
// error.log, and nginx's own output when it does not start at all.
import fs from 'node:fs'
import path from 'node:path'
import { freePort, httpRequest, makePrefix, NginxStartError, removePrefix, splitServerConfig, startNginx } from '../examples/nginx.ts'
import { stackConf, type Stack } from '../matrix/stack.ts'
import type { TroubleRequest } from '../../docs/.vitepress/data/troubleshooting.ts'

export interface CaseOutcome {
  /** HTTP status; null when nginx did not start. */
  status: number | null
  body: string
  /** error.log, plus nginx's stderr when it failed to start. */
  log: string
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function rawRequest(r: TroubleRequest): string {
  const body = r.body ?? ''
  const len = r.method === 'POST' ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : ''
  return `${r.method} ${r.path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${len}\r\n${body}`
}

export async function runCase(stack: Stack, config: string, request: TroubleRequest, tag: string): Promise<CaseOutcome> {
  const split = splitServerConfig(config)
  if (split.full) throw new Error(`${tag}: give the server-level part of the configuration, not a whole nginx.conf`)
  const prefix = makePrefix(`trouble-${tag}`)
  try {
    for (let attempt = 0; ; attempt++) {
      const port = await freePort()
      const conf = stackConf(stack, { prefix, port, main: split.main, http: split.http, server: split.server })
      let ngx
      try {
        ngx = await startNginx(stack.nginx, prefix, conf, port)
      } catch (e) {
        if (e instanceof NginxStartError && /Address already in use/.test(e.message) && attempt < 2) continue
        if (e instanceof NginxStartError) return { status: null, body: '', log: e.message }
        throw e
      }
      try {
        const res = await httpRequest(port, rawRequest(request), 15_000)
        // log_by_lua*, timers and the error log itself come after the response.
        await sleep(request.settleMs ?? 100)
        return { status: res.status, body: res.body, log: ngx.output() }
      } finally {
        await ngx.stop()
      }
    }
  } finally {
    removePrefix(prefix)
  }
}

/** The reproduction and fix configurations of one entry. */
export function caseFiles(docs: string, id: string): { repro: string; fix: string } {
  const read = (kind: string): string => {
    const file = path.join(docs, 'ngx-lua/errors', `${id}.${kind}.conf`)
    if (!fs.existsSync(file)) throw new Error(`${path.relative(path.dirname(docs), file)} is missing (entry "${id}" of docs/.vitepress/data/troubleshooting.ts)`)
    return fs.readFileSync(file, 'utf8')
  }
  return { repro: read('repro'), fix: read('fix') }
}
