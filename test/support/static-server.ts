// A tiny static server for the built site, on 127.0.0.1 and a free port,
// serving `dir` under `base` the way GitHub Pages does: clean URLs
// (`/a/b` → a/b.html, `/a/` → a/index.html), 404.html with status 404, and
// text files gzip-compressed when the browser accepts it (Pages does this too;
// without it Lighthouse measures bytes no reader downloads).
import { createReadStream, promises as fs } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/** Types GitHub Pages compresses; fonts and images are already compressed. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '.webmanifest'])

export interface StaticServer {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:41234/`; pages live under `${url}${base.slice(1)}`. */
  url: string
  close(): Promise<void>
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile()
  } catch {
    return false
  }
}

/** The file a request path maps to, or null. `rel` is already decoded and relative to dir. */
export async function resolveFile(dir: string, rel: string): Promise<string | null> {
  const root = path.resolve(dir)
  const target = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`)
  if (target !== root && !target.startsWith(root + path.sep)) return null
  const candidates = rel === '' || rel.endsWith('/') ? [path.join(target, 'index.html')] : [target, `${target}.html`, path.join(target, 'index.html')]
  for (const c of candidates) if (await isFile(c)) return c
  return null
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  // Every test opens pages in a fresh context, so the same chunks are asked
  // for hundreds of times in a run: compress each file once (keyed by its
  // modification time, so a rebuilt file is compressed again).
  const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>()
  const gzipped = async (file: string): Promise<Buffer> => {
    const { mtimeMs } = await fs.stat(file)
    const hit = gzipCache.get(file)
    if (hit?.mtimeMs === mtimeMs) return hit.body
    const body = gzipSync(await fs.readFile(file))
    gzipCache.set(file, { mtimeMs, body })
    return body
  }
  const prefix = base.endsWith('/') ? base : `${base}/`
  const server = http.createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET'
      if (method !== 'GET' && method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end()
        return
      }
      let pathname: string
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
      } catch {
        res.writeHead(400).end()
        return
      }
      if (pathname === prefix.slice(0, -1)) {
        res.writeHead(301, { Location: prefix }).end()
        return
      }
      let file: string | null = null
      if (pathname.startsWith(prefix)) file = await resolveFile(dir, pathname.slice(prefix.length))
      let status = 200
      if (!file) {
        status = 404
        const notFound = path.join(dir, '404.html')
        if (!(await isFile(notFound))) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found')
          return
        }
        file = notFound
      }
      const ext = path.extname(file).toLowerCase()
      const headers: http.OutgoingHttpHeaders = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      }
      if (COMPRESSIBLE.has(ext)) {
        headers.Vary = 'Accept-Encoding'
        if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          const body = await gzipped(file)
          res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length })
          res.end(method === 'HEAD' ? undefined : body)
          return
        }
      }
      const stat = await fs.stat(file)
      res.writeHead(status, { ...headers, 'Content-Length': stat.size })
      if (method === 'HEAD') {
        res.end()
        return
      }
      createReadStream(file).pipe(res)
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500)
      res.end(String(e))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
}
