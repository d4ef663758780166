// Wide comparison tables are readable whole: the 8-column nil-values table
// shows every column (including 在 if 里 and 怎样判断) for every row without
// sideways scrolling, at 1280 px and at 375 px. Screenshots of both are saved
// to test/.output/screenshots/ for a human look.
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { browserUnavailable } from '../support/browser'
import { useBuiltSite } from '../support/built-site'
import { ROOT } from '../support/paths'

const noBrowser = browserUnavailable()
const site = useBuiltSite()
const SHOTS = path.join(ROOT, 'test/.output/screenshots')

describe.skipIf(noBrowser)('the nil-values table', () => {
  beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }))

  it.each([1280, 375])('shows all 8 columns of every row without scrolling sideways at %i px', async (width) => {
    await site.withPage(async (page) => {
      await page.goto(site.url('luajit/nil-values'), { waitUntil: 'networkidle' })
      const table = page.locator('figure.compare-table', { has: page.locator('#compare-table-nil-values') })
      await table.waitFor()
      const layout = await table.evaluate((fig) => {
        const box = fig.getBoundingClientRect()
        const scroller = fig.querySelector('.scroller')!
        const rows = [...fig.querySelectorAll('tbody tr')].map((tr) =>
          [...tr.querySelectorAll('th, td')].map((c) => {
            const r = c.getBoundingClientRect()
            return { label: c.getAttribute('data-label'), left: r.left, right: r.right, width: r.width, height: r.height }
          }),
        )
        return { left: box.left, right: box.right, scroll: scroller.scrollWidth - scroller.clientWidth, rows }
      })
      expect(layout.scroll, 'the table region scrolls sideways').toBeLessThanOrEqual(0)
      expect(layout.rows).toHaveLength(6)
      for (const cells of layout.rows) {
        expect(cells.map((c) => c.label)).toEqual(['值', '本质', 'type() 返回', '== nil', '在 if 里', '与其他空值相等吗', '典型来源', '怎样判断'])
        for (const c of cells) {
          expect(c.width, `${c.label} is drawn`).toBeGreaterThan(0)
          expect(c.left, `${c.label} starts inside the table`).toBeGreaterThanOrEqual(layout.left - 1)
          expect(c.right, `${c.label} ends inside the table`).toBeLessThanOrEqual(layout.right + 1)
          expect(c.right, `${c.label} is within the ${width} px screen`).toBeLessThanOrEqual(width)
        }
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `page scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0)
      await table.screenshot({ path: path.join(SHOTS, `nil-values-table-${width}.png`) })
    }, { viewport: { width, height: 900 } })
  })
})
