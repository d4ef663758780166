// What a reader's browser downloads to show one page: JavaScript and CSS,
// raw and gzip-compressed, and the number of requests. Prefetches of other
// pages (VitePress prefetches links when idle) are not part of this page.
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'

export interface Bytes {
  raw: number
  gzip: number
  requests: number
}

export interface PageWeight {
  url: string
  js: Bytes
  css: Bytes
  /** Every request the page made, of any kind. */
  requests: number
  /** URLs of the scripts, for a readable failure. */
  scripts: string[]
}

const empty = (): Bytes => ({ raw: 0, gzip: 0, requests: 0 })

export async function measurePage(page: Page, url: string): Promise<PageWeight> {
  const weight: PageWeight = { url, js: empty(), css: empty(), requests: 0, scripts: [] }
  const pending: Promise<void>[] = []
  const onResponse = (response: import('playwright-core').Response) => {
    const request = response.request()
    const headers = request.headers()
    if (headers['sec-purpose']?.includes('prefetch') || headers.purpose === 'prefetch') return
    weight.requests++
    const type = request.resourceType()
    const bucket = type === 'script' ? weight.js : type === 'stylesheet' ? weight.css : undefined
    if (!bucket) return
    pending.push(
      response.body().then((body) => {
        bucket.raw += body.length
        bucket.gzip += gzipSync(body, { level: 9 }).length
        bucket.requests++
        if (bucket === weight.js) weight.scripts.push(new URL(response.url()).pathname)
      }),
    )
  }
  page.on('response', onResponse)
  await page.goto(url, { waitUntil: 'networkidle' })
  // Components hydrate after the page's own scripts ran, which can be later
  // than "networkidle": wait until a whole second passes with no new request.
  for (let seen = -1, i = 0; seen !== weight.requests && i < 15; i++) {
    seen = weight.requests
    await page.waitForTimeout(1000)
  }
  await Promise.all(pending)
  page.off('response', onResponse)
  return weight
}

export function kib(n: number): string {
  return `${(n / 1024).toFixed(1)} KiB`
}
