// The "main line" of a chapter: the lines a reader goes through without
// opening a folded `::: details 深入：…` block. Deep dives (internals, second
// examples, full outputs) live in those blocks so that a newcomer reads the
// chapter in one pass; test/unit/main-line.test.ts keeps every chapter's main
// line within MAIN_LINE_LIMIT and checks the blocks' shape.

/** About what a newcomer reads in one sitting (issue #14). */
export const MAIN_LINE_LIMIT = 350

/** Folded blocks start with this word, so a reader knows what the fold holds. */
export const DEEP_DIVE_PREFIX = '深入：'

export interface MainLine {
  /** Lines outside `::: details` blocks (their opening and closing lines included in the block). */
  lines: number
  /** Lines inside them. */
  folded: number
  /** Titles of the folded blocks, in order. */
  titles: string[]
  /** Misshapen blocks, as `line N: message`. */
  problems: string[]
}

const FENCE = /^\s*(`{3,}|~{3,})/
const CONTAINER_OPEN = /^\s*(:{3,})\s*(\S.*)$/
const CONTAINER_CLOSE = /^\s*(:{3,})\s*$/

/**
 * Counts a Markdown page's main line. Follows markdown-it-container's rules
 * closely enough for our pages: a container closes at a bare marker at least
 * as long as its opening one; code fences hide everything inside them.
 */
export function mainLineOf(text: string): MainLine {
  const result: MainLine = { lines: 0, folded: 0, titles: [], problems: [] }
  const open: { marker: string; details: boolean; line: number }[] = []
  let fence: string | null = null
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  lines.forEach((line, i) => {
    const inDetails = open.some((c) => c.details)
    if (inDetails) result.folded++
    else result.lines++
    if (fence) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = null
      return
    }
    const f = FENCE.exec(line)
    if (f) {
      fence = f[1]!
      return
    }
    const close = CONTAINER_CLOSE.exec(line)
    if (close && open.length && close[1]!.length >= open.at(-1)!.marker.length) {
      open.pop()
      return
    }
    const start = CONTAINER_OPEN.exec(line)
    if (start) {
      const [name, ...rest] = start[2]!.split(/\s+/)
      const details = name === 'details'
      if (details) {
        const title = rest.join(' ')
        result.titles.push(title)
        // The opening line was counted as main line above; it belongs to the block.
        if (!inDetails) {
          result.lines--
          result.folded++
        }
        if (!title.startsWith(DEEP_DIVE_PREFIX)) result.problems.push(`line ${i + 1}: a folded block's title must start with "${DEEP_DIVE_PREFIX}" (got "${title}")`)
        if (inDetails) result.problems.push(`line ${i + 1}: a folded block inside another one`)
      } else if (open.length && start[1]!.length >= open.at(-1)!.marker.length) {
        result.problems.push(`line ${i + 1}: a ${start[1]} container inside a ${open.at(-1)!.marker} one closes it early; use a longer marker outside`)
      }
      open.push({ marker: start[1]!, details, line: i + 1 })
      return
    }
    if (inDetails && /^#{1,6}\s/.test(line)) result.problems.push(`line ${i + 1}: a heading inside a folded block (the outline would link to hidden text)`)
  })
  for (const c of open) result.problems.push(`line ${c.line}: container opened with ${c.marker} is never closed`)
  return result
}
