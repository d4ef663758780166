// The site tests rebuild only when a source changed (test/support/build-cache.ts):
// the hash must change with any change that can change the build, and only then.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildIfChanged, fileIfChanged, hashFileOf, sourceHash } from '../support/build-cache'

let root: string
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
  fs.writeFileSync(path.join(root, rel), text)
}
const hash = (settings = {}) => sourceHash(root, ['docs', 'package-lock.json'], settings)

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-cache-'))
  write('docs/index.md', '# 首页\n')
  write('docs/luajit/ffi.md', '# FFI\n')
  write('docs/.vitepress/config.mts', 'export default {}\n')
  write('package-lock.json', '{}\n')
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('sourceHash', () => {
  it('is the same for the same sources', () => {
    expect(hash()).toBe(hash())
  })

  it.each([
    ['a page is edited', () => write('docs/luajit/ffi.md', '# FFI 与内存归属\n')],
    ['a page is added', () => write('docs/luajit/new.md', '# 新\n')],
    ['a page is removed', () => fs.rmSync(path.join(root, 'docs/luajit/ffi.md'))],
    ['a page is renamed', () => fs.renameSync(path.join(root, 'docs/luajit/ffi.md'), path.join(root, 'docs/luajit/ffi2.md'))],
    ['the config changes', () => write('docs/.vitepress/config.mts', 'export default { lang: "zh-CN" }\n')],
    ['package-lock.json changes', () => write('package-lock.json', '{"lockfileVersion":3}\n')],
  ])('changes when %s', (_what, change) => {
    const before = hash()
    change()
    expect(hash()).not.toBe(before)
  })

  it('changes with the build settings', () => {
    expect(hash({ DOCS_BASE: '/a/' })).not.toBe(hash({ DOCS_BASE: '/b/' }))
  })

  it("ignores VitePress's own output and cache", () => {
    const before = hash()
    write('docs/.vitepress/dist/index.html', '<html></html>')
    write('docs/.vitepress/cache/deps/x.js', '')
    expect(hash()).toBe(before)
  })
})

describe('buildIfChanged', () => {
  it('builds once, reuses the build while the sources stay the same, and rebuilds after an edit', () => {
    const outDir = path.join(root, 'out')
    let builds = 0
    const cached = () =>
      buildIfChanged({
        name: 'test',
        root,
        outDir,
        inputs: ['docs'],
        build: () => {
          builds++
          write('out/index.html', `build ${builds}`)
        },
      })
    expect(cached()).toBe('built')
    expect(cached()).toBe('current')
    write('docs/index.md', '# 首页（改）\n')
    expect(cached()).toBe('built')
    expect(builds).toBe(2)
    expect(fs.readFileSync(hashFileOf(outDir), 'utf8').trim()).toBe(sourceHash(root, ['docs']))
  })

  it('does not trust a build that failed halfway', () => {
    const outDir = path.join(root, 'out')
    const b = { name: 'test', root, outDir, inputs: ['docs'], build: () => write('out/index.html', 'ok') }
    buildIfChanged(b)
    write('docs/index.md', '# 改\n')
    expect(() => buildIfChanged({ ...b, build: () => { throw new Error('build failed') } })).toThrow('build failed')
    expect(fs.existsSync(hashFileOf(outDir))).toBe(false)
    expect(buildIfChanged(b)).toBe('built')
  })
})

describe('fileIfChanged', () => {
  it('makes the file once per description of its inputs, again when forced, and never trusts an empty one', async () => {
    const file = path.join(root, 'out/book.pdf')
    let made = 0
    const make = async () => Buffer.from(`pdf ${++made}`)
    expect(await fileIfChanged(file, 'site a, Chromium 1', make)).toBe('made')
    expect(await fileIfChanged(file, 'site a, Chromium 1', make)).toBe('current')
    expect(fs.readFileSync(file, 'utf8')).toBe('pdf 1')
    expect(await fileIfChanged(file, 'site b, Chromium 1', make)).toBe('made')
    expect(await fileIfChanged(file, 'site b, Chromium 1', make, true)).toBe('made')
    expect(await fileIfChanged(file, '', make)).toBe('made')
    expect(await fileIfChanged(file, '', make)).toBe('made')
    expect(fs.readFileSync(file, 'utf8')).toBe('pdf 5')
  })

  it('does not trust a file whose making failed', async () => {
    const file = path.join(root, 'out/book.pdf')
    await fileIfChanged(file, 'site a', async () => Buffer.from('ok'))
    await expect(fileIfChanged(file, 'site b', async () => { throw new Error('print failed') })).rejects.toThrow('print failed')
    expect(await fileIfChanged(file, 'site b', async () => Buffer.from('ok 2'))).toBe('made')
  })
})
