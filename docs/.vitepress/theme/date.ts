// Dates shown on pages, formatted without Intl so that the server render and
// the browser produce the same text: the first Intl.DateTimeFormat of a page
// costs 35–55 ms on a desktop CPU in Chromium (ICU loads its date patterns),
// four times that on Lighthouse's simulated phone.

/** The site's readers are mostly in China: dates are shown in UTC+8 (no DST). */
const UTC_PLUS_8 = 8 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/** Year, month and day with their Chinese units, then 24-hour time: the text Intl gives for zh-CN, Asia/Shanghai, dateStyle long, timeStyle short. */
export function formatShanghaiTime(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new Error(`not a timestamp: ${epochMs}`)
  const d = new Date(epochMs + UTC_PLUS_8)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
