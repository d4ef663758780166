// Minimal static server for test/site/search.test.ts: serves a VitePress build
// under `base` on 127.0.0.1 (free port), with clean URLs as GitHub Pages does.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
}

function resolveFile(dir: string, rel: string): string | undefined {
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}.html`, `${rel}/index.html`]
  for (const c of candidates) {
    const file = path.join(dir, c)
    if (!file.startsWith(dir)) return undefined
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file
  }
  return undefined
}

export async function serveStatic(dir: string, base: string): Promise<{ url: string; close(): Promise<void> }> {
  const root = path.resolve(dir)
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = pathname.startsWith(base) ? resolveFile(root, pathname.slice(base.length)) : undefined
    const status = file ? 200 : 404
    const body = file ?? path.join(root, '404.html')
    res.writeHead(status, { 'content-type': TYPES[path.extname(body)] ?? 'application/octet-stream' })
    fs.createReadStream(body).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
