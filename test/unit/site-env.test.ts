import { describe, expect, it } from 'vitest'
import { normalizeBase, readSiteEnv } from '../../docs/.vitepress/site'

describe('deployment settings', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/openresty-notes', '/openresty-notes/'],
    ['openresty-notes/', '/openresty-notes/'],
    ['//a/b//', '/a/b/'],
  ])('normalizes base %j to %j', (raw, want) => {
    expect(normalizeBase(raw)).toBe(want)
  })

  it('derives the origin and edit-link repository from GitHub Actions variables', () => {
    const env = readSiteEnv({ GITHUB_REPOSITORY: 'alice/openresty-notes', DOCS_BASE: '/openresty-notes' })
    expect(env).toEqual({ base: '/openresty-notes/', origin: 'https://alice.github.io', repo: 'alice/openresty-notes' })
  })

  it('lets explicit DOCS_* variables win', () => {
    const env = readSiteEnv({ GITHUB_REPOSITORY: 'a/b', DOCS_REPO: 'c/d', DOCS_ORIGIN: 'https://docs.example.org/' })
    expect(env.repo).toBe('c/d')
    expect(env.origin).toBe('https://docs.example.org')
  })
})
