// The search-index helper puts a diagram's title and description in place.
import { describe, expect, it } from 'vitest'
import { diagramText, inlineDiagrams } from '../../scripts/diagrams/search'
import { readManifest } from '../../scripts/diagrams/source'

const manifest = readManifest()

describe('inlineDiagrams', () => {
  it('appends title and description after each tag, escaped', () => {
    const html = '<h2>缓存</h2>\n<Diagram name="mlcache" />\n<p>后文</p>'
    const out = inlineDiagrams(html)
    const entry = manifest.diagrams.mlcache!
    expect(out).toContain('<Diagram name="mlcache" /><p>图：lua-resty-mlcache')
    expect(out).toContain(entry.description.slice(0, 20))
    expect(out.indexOf('<p>后文</p>')).toBeGreaterThan(out.indexOf(entry.title))
    const fake = { generator: '', diagrams: { x: { ...entry, title: 'a < b', description: 'c & d' } } }
    expect(inlineDiagrams('<Diagram name="x"/>', fake)).toBe('<Diagram name="x"/><p>图：a &lt; b。c &amp; d</p>')
  })

  it('leaves unknown names and other tags alone', () => {
    expect(inlineDiagrams('<Diagram name="nope" />')).toBe('<Diagram name="nope" />')
    expect(inlineDiagrams('<CompareTable id="mlcache" />')).toBe('<CompareTable id="mlcache" />')
    expect(diagramText(manifest, 'nope')).toBeUndefined()
  })
})
