import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic, type StaticServer } from '../support/static-server'

describe('serveStatic', () => {
  let dir: string
  let server: StaticServer
  const page = '<p>' + '正文'.repeat(500) + '</p>'

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'static-'))
    fs.writeFileSync(path.join(dir, 'page.html'), page)
    fs.writeFileSync(path.join(dir, '404.html'), '<p>找不到</p>')
    fs.writeFileSync(path.join(dir, 'font.woff2'), Buffer.alloc(64, 1))
    server = await serveStatic(dir, '/base/')
  })
  afterAll(async () => {
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const get = (p: string, encoding?: string) =>
    // Node's fetch decodes gzip itself; ask for raw bytes through a plain request.
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = http.get(`${server.url}${p.slice(1)}`, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
    })

  it('gzips text when the browser accepts it, as GitHub Pages does', async () => {
    const res = await get('/base/page', 'gzip, deflate, br')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.body.length).toBeLessThan(Buffer.byteLength(page) / 5)
    expect(gunzipSync(res.body).toString()).toBe(page)
  })

  it('compresses a file again once it has changed', async () => {
    const file = path.join(dir, 'changing.html')
    fs.writeFileSync(file, '<p>第一版</p>')
    expect(gunzipSync((await get('/base/changing', 'gzip')).body).toString()).toBe('<p>第一版</p>')
    fs.writeFileSync(file, '<p>第二版</p>')
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000))
    expect(gunzipSync((await get('/base/changing', 'gzip')).body).toString()).toBe('<p>第二版</p>')
  })

  it('sends identity bytes to a client that does not accept gzip', async () => {
    const res = await get('/base/page')
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.toString()).toBe(page)
  })

  it('does not recompress fonts', async () => {
    const res = await get('/base/font.woff2', 'gzip')
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.length).toBe(64)
  })

  it('answers an unknown path with 404.html and status 404', async () => {
    const res = await get('/base/nope', 'gzip')
    expect(res.status).toBe(404)
    expect(gunzipSync(res.body).toString()).toContain('找不到')
  })
})
