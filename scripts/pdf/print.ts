// Prints the one-page book, already served, to PDF bytes in Chromium.
import type { Browser } from 'playwright-core'

/**
 * Page numbers in the bottom margin of every page. The cover gets one too:
 * Chromium draws the template on each page whatever the page's CSS margins
 * (an `@page :first` rule was tried), and the template runs no script.
 */
const FOOTER = `<div style="width:100%;font-size:8px;color:#67676c;text-align:center;font-family:'Noto Sans CJK SC',sans-serif">
<span class="pageNumber"></span> / <span class="totalPages"></span></div>`

export async function printBook(browser: Browser, url: string): Promise<Buffer> {
  const ctx = await browser.newContext({ colorScheme: 'light' })
  try {
    const page = await ctx.newPage()
    await page.goto(url, { waitUntil: 'networkidle' })
    await page.emulateMedia({ media: 'print' })
    // Lazy images below the fold are not loaded yet; page.pdf() fires no
    // `beforeprint` (theme/print.ts), so load them here and wait for them.
    await page.evaluate(async () => {
      const imgs = [...document.querySelectorAll('img')]
      for (const img of imgs) img.loading = 'eager'
      await Promise.all(imgs.map((img) => img.decode().catch(() => {
        throw new Error(`image did not load: ${img.currentSrc || img.src}`)
      })))
      await document.fonts.ready
    })
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      margin: { top: '16mm', bottom: '18mm', left: '15mm', right: '15mm' },
      outline: true,
      tagged: true,
    })
  } finally {
    await ctx.close()
  }
}
