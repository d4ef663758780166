// The link checker itself, on a fixture with known problems: proves a broken
// anchor, a dead page and a link outside the base are each caught.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkLinks, formatProblems } from '../../scripts/links/check-links'
import { ROOT } from '../support/paths'

const fixture = path.join(ROOT, 'test/site/fixtures/broken-links')

describe('checkLinks', () => {
  const problems = checkLinks({ dist: path.join(fixture, 'dist'), base: '/base/', docs: path.join(fixture, 'docs') })

  it('reports a missing anchor with the Markdown file and line', () => {
    const p = problems.find((x) => x.ref === '/base/guide/b#missing')
    expect(p?.reason).toBe('no element with id "missing" in guide/b.html')
    expect(p?.source).toBe('docs/guide/a.md:5')
  })

  it('reports a dead page link', () => {
    const p = problems.find((x) => x.ref === '/base/guide/nowhere')
    expect(p?.reason).toBe('target does not exist in the build')
    expect(p?.source).toBe('docs/guide/a.md:7')
  })

  it('reports a link that escapes the base path', () => {
    expect(problems.find((x) => x.ref === '/elsewhere/guide/b')?.reason).toMatch(/base \/base\//)
  })

  it('accepts good links, same-page anchors and external links', () => {
    expect(formatProblems(problems).split('\n')).toHaveLength(3)
  })
})
