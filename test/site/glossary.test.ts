// The built glossary page (docs/glossary.md, rendered from
// docs/.vitepress/data/glossary.ts): every entry in the server HTML with its
// anchor and a working link, readable on a phone, usable with the keyboard.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { GLOSSARY } from '../../docs/.vitepress/data/glossary'
import { idsOf } from '../../scripts/links/check-links'
import { browserUnavailable } from '../support/browser'
import { useBuiltSite } from '../support/built-site'
import { TEST_BASE, TEST_DIST } from '../support/paths'

const html = () => fs.readFileSync(path.join(TEST_DIST, 'glossary.html'), 'utf8')

describe('the glossary in the server HTML', () => {
  it('has every entry as a heading with its anchor, and its definition', () => {
    const page = html()
    const ids = idsOf(page)
    const text = page
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
    for (const e of GLOSSARY) {
      expect(ids.has(e.id), `#${e.id}`).toBe(true)
      expect(text, e.id).toContain(e.definition.replace(/`/g, ''))
    }
  })

  it('links every entry to an existing section of the built site', () => {
    const page = html()
    const problems: string[] = []
    for (const e of GLOSSARY) {
      const [pagePath = '', anchor = ''] = e.link.split('#')
      const href = `${TEST_BASE}${pagePath.slice(1)}#${anchor}`
      if (!page.includes(`href="${href}"`)) problems.push(`${e.id}: no link ${href}`)
      const file = path.join(TEST_DIST, pagePath.endsWith('/') ? `${pagePath}index.html` : `${pagePath}.html`)
      if (!fs.existsSync(file)) problems.push(`${e.id}: ${file} not built`)
      else if (!idsOf(fs.readFileSync(file, 'utf8')).has(anchor)) problems.push(`${e.id}: no #${anchor} in ${path.relative(TEST_DIST, file)}`)
    }
    expect(problems).toEqual([])
  })
})

describe.skipIf(browserUnavailable())('the glossary page in Chromium', () => {
  const site = useBuiltSite()

  it('fits a 375 px screen without horizontal scrolling', async () => {
    await site.withPage(async (page) => {
      await page.goto(site.url('glossary'), { waitUntil: 'networkidle' })
      await page.locator('#garbage-collection').waitFor()
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width).toBeLessThanOrEqual(375)
    }, { viewport: { width: 375, height: 740 } })
  })

  it('reaches an entry’s section link with the keyboard and follows it', async () => {
    await site.withPage(async (page) => {
      await page.goto(site.url('glossary#garbage-collection'), { waitUntil: 'networkidle' })
      // From the entry's permalink, Tab goes to its section link.
      const permalink = page.locator('#garbage-collection a.header-anchor')
      await permalink.waitFor({ state: 'attached' })
      await permalink.focus()
      await page.keyboard.press('Tab')
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('详见')
      await page.keyboard.press('Enter')
      await page.waitForURL((u) => u.pathname === `${TEST_BASE}performance/` && u.hash === '#avoid-garbage')
      await page.locator('[id="avoid-garbage"]').waitFor()
    }, { viewport: { width: 1280, height: 900 } })
  })
})
