import { describe, expect, it } from 'vitest'
import { formatShanghaiTime } from '../../docs/.vitepress/theme/date'

describe('formatShanghaiTime', () => {
  // Intl is the reference: the page must read the way VitePress's own
  // formatting (zh-CN, Asia/Shanghai) would have, without paying for Intl.
  const intl = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' })
  it.each([0, 1795834582000, Date.UTC(2024, 1, 29, 16, 5), Date.UTC(2025, 11, 31, 15, 59, 59), Date.UTC(2025, 11, 31, 16, 0)])('formats %i like Intl', (t) => {
    expect(formatShanghaiTime(t)).toBe(intl.format(t))
  })

  it('rejects a missing timestamp instead of printing NaN', () => {
    expect(() => formatShanghaiTime(Number.NaN)).toThrow(/not a timestamp/)
  })
})
