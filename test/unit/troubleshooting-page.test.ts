// The troubleshooting page shows every entry of its data: a heading with the
// exact error string and the entry's anchor, the reproduction and the fix
// (imported from docs/ngx-lua/errors/), and a link to the chapter that explains it.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ENTRIES } from '../../docs/.vitepress/data/troubleshooting'

const DOCS = path.resolve(__dirname, '../../docs')
const PAGE = 'ngx-lua/troubleshooting.md'
const page = fs.readFileSync(path.join(DOCS, PAGE), 'utf8')

/** H2 sections: anchor → { heading, body }. */
const sections = new Map<string, { heading: string; body: string }>()
{
  const parts = page.split(/^(?=## )/m)
  for (const part of parts) {
    const m = /^## (.*?) \{#([\w-]+)\}\s*\n([\s\S]*)$/.exec(part)
    if (m) sections.set(m[2]!, { heading: m[1]!, body: m[3]! })
  }
}

describe(`docs/${PAGE}`, () => {
  it('has one section per entry, and no entry without data', () => {
    // The closing sections every chapter has are not entries.
    const ids = [...sections.keys()].filter((id) => id !== 'quiz' && id !== 'references')
    expect(ids).toEqual(ENTRIES.map((e) => e.id))
  })

  it.each(ENTRIES.map((e) => [e.id, e] as const))('%s: heading, code and link', (id, e) => {
    const s = sections.get(id)
    expect(s, `no "## … {#${id}}" heading`).toBeDefined()
    expect(s!.heading, 'the heading holds the exact error string').toBe(`\`${e.error}\``)
    for (const kind of ['repro', 'fix']) {
      expect(s!.body, `${id}: the ${kind} is not shown`).toContain(`<<< @/ngx-lua/errors/${id}.${kind}.conf{nginx}`)
    }
    expect(s!.body, `${id}: no "详见" link to a chapter`).toMatch(/详见：\[[^\]]+\]\(\/[\w/-]+(#[\w-]+)?\)/)
  })

  it('has no stray reproduction files', () => {
    const files = fs.readdirSync(path.join(DOCS, 'ngx-lua/errors')).sort()
    const wanted = ENTRIES.flatMap((e) => [`${e.id}.fix.conf`, `${e.id}.repro.conf`]).sort()
    expect(files).toEqual(wanted)
  })
})
