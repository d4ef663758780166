// A search for each error string of the troubleshooting page, pasted exactly as
// nginx logs it, lands on that entry: the entry's section is the first result
// the search box lists (the index the browser loads, from the real build).
import { beforeAll, describe, expect, it } from 'vitest'
import { loadBuiltIndex, searchLikeBrowser, type BuiltIndex } from '../../scripts/search/built-index'
import { ENTRIES } from '../../docs/.vitepress/data/troubleshooting'
import { TEST_BASE, TEST_DIST } from '../support/paths'

let built: BuiltIndex

beforeAll(() => {
  built = loadBuiltIndex(TEST_DIST)
})

describe('searching an error string lands on its troubleshooting entry', () => {
  it.each(ENTRIES.map((e) => [e.error, e] as const))('%s', (_q, e) => {
    const want = `${TEST_BASE}ngx-lua/troubleshooting#${e.id}`
    const hits = searchLikeBrowser(built.index, e.error)
    expect(hits[0]?.id, `query “${e.error}”: top results were\n${hits.slice(0, 5).map((h, i) => `  ${i + 1}. ${h.id}`).join('\n') || '  (none)'}`).toBe(want)
  })
})
