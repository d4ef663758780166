// What a reader's browser downloads to show one page: JavaScript and CSS,
// raw and gzip-compressed, and the number of requests. Prefetches of other
// pages (VitePress prefetches links when idle) are not part of this page.
import { gzipSync } from 'node:zlib'
import type { Page, Request, Response } from 'playwright-core'
import { waitForApp } from './browser'

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
  const inFlight = new Set<Request>()
  const isPrefetch = (request: Request) => {
    const headers = request.headers()
    return !!headers['sec-purpose']?.includes('prefetch') || headers.purpose === 'prefetch'
  }
  const onRequest = (request: Request) => {
    if (!isPrefetch(request)) inFlight.add(request)
  }
  let drained: (() => void) | undefined
  const onDone = (request: Request) => {
    inFlight.delete(request)
    if (inFlight.size === 0) drained?.()
  }
  const onResponse = (response: Response) => {
    const request = response.request()
    if (isPrefetch(request)) return
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
  // Measure what a first visit downloads, also in a page that has been used
  // before (support/page-pool.ts): nothing comes from the browser's cache.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  page.on('request', onRequest)
  page.on('requestfinished', onDone)
  page.on('requestfailed', onDone)
  page.on('response', onResponse)
  await page.goto(url, { waitUntil: 'load' })
  // Components hydrate after the page's own scripts ran (the flame graph when
  // it is visible), which can be later than "load": wait until the app is
  // mounted, then until a rendered frame passes with no request in flight and
  // none started.
  await waitForApp(page)
  for (;;) {
    const seen = weight.requests
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
    if (inFlight.size === 0 && seen === weight.requests) break
    if (inFlight.size) await new Promise<void>((done) => (drained = done))
  }
  await Promise.all(pending)
  page.off('request', onRequest)
  page.off('requestfinished', onDone)
  page.off('requestfailed', onDone)
  page.off('response', onResponse)
  await cdp.detach()
  return weight
}

export function kib(n: number): string {
  return `${(n / 1024).toFixed(1)} KiB`
}
