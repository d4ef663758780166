// Before the browser prints: folded <details> open and lazy images load, so
// the paper gets the text a reader would have to click for. Chromium also
// opens details in print CSS (styles/print.css), which covers page.pdf(),
// where no `beforeprint` event fires; this covers the other browsers.
export function openFoldedForPrint(): void {
  let opened: HTMLDetailsElement[] = []
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')]
    for (const d of opened) d.open = true
    for (const img of document.querySelectorAll<HTMLImageElement>('img[loading="lazy"]')) img.loading = 'eager'
  })
  window.addEventListener('afterprint', () => {
    for (const d of opened) d.open = false
    opened = []
  })
}
