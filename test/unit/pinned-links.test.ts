// Upstream links in docs/ name a tag or commit (issue #10, item 5): the real
// docs/ tree must have none unpinned, and the checker is proved on a fixture
// that holds one of each kind.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkPinnedLinks, formatUnpinned, isPinnedRef, unpinnedReason } from '../../scripts/links/pinned-links'
import { DOCS, ROOT } from '../support/paths'

describe('pinned upstream links', () => {
  it('every GitHub file link under docs/ (pages, data, diagrams) names a tag or commit', () => {
    const problems = checkPinnedLinks(DOCS, ROOT)
    expect(formatUnpinned(problems), 'unpinned links (pin them to a tag or commit)').toBe('')
  })
})

describe('checkPinnedLinks on a fixture', () => {
  const fixture = path.join(ROOT, 'test/unit/fixtures/pinned-links')
  const problems = checkPinnedLinks(path.join(fixture, 'docs'), fixture)

  it('reports each unpinned link with file and line, and nothing else', () => {
    expect(problems.map((p) => `${p.source} ${p.url}`)).toEqual([
      'docs/.vitepress/data/table.ts:3 https://raw.githubusercontent.com/openresty/test-nginx/master/lib/Test/Nginx/Socket.pm',
      'docs/page.md:4 https://github.com/openresty/lua-nginx-module/blob/master/src/ngx_http_lua_sleep.c',
      'docs/page.md:6 https://github.com/LuaJIT/LuaJIT/tree/v2.1/src',
      'docs/page.md:7 https://github.com/openresty/lua-resty-core#readme',
    ])
  })

  it('says why', () => {
    expect(formatUnpinned(problems)).toContain('docs/page.md:4: https://github.com/openresty/lua-nginx-module/blob/master/src/ngx_http_lua_sleep.c (blob on "master", not a tag or commit)')
    expect(problems[3]!.reason).toMatch(/README section #readme on the default branch/)
  })

  it('tells tags and commits from branch names', () => {
    for (const ref of ['v0.10.28', '2.6.1', 'release-1.27.1', 'v2.1-20230119', '1ee778a', '673aad5e3fb0d3d4bc3e1a93c9e6c9e3bbd4b2a1']) expect(isPinnedRef(ref), ref).toBe(true)
    for (const ref of ['master', 'main', 'HEAD', 'v2.1', 'v2.1-agentzh', 'feature-x', undefined]) expect(isPinnedRef(ref), String(ref)).toBe(false)
    expect(unpinnedReason('https://github.com/openresty/test-nginx/blob/v0.32/lib/Test/Nginx/Socket.pm')).toBeNull()
    expect(unpinnedReason('https://github.com/openresty/test-nginx/blob/')).toMatch(/blob on ""/)
  })
})
