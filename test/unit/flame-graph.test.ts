// @vitest-environment happy-dom
// The flame graph: the profiler-output converter, the folded-stack parser and
// layout, and the <FlameGraph> component rendered on the server and mounted.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createSSRApp, defineComponent, h, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { loadSfc } from '../support/sfc'
import { toFolded } from '../../scripts/profile/to-folded'
import {
  findNode,
  fitLabel,
  layoutFlame,
  maxDepth,
  neighbour,
  packFlame,
  parseFolded,
  percent,
  textWidth,
  topSelf,
  unpackFlame,
  walk,
  type FlameNode,
} from '../../docs/.vitepress/data/flame/layout'

const ROOT = path.resolve(__dirname, '../..')


const FIXTURE = fs.readFileSync(path.join(ROOT, 'scripts/profile/fixture.jp.txt'), 'utf8')

describe('toFolded (jit/p.lua G output → folded stacks)', () => {
  const folded = toFolded(FIXTURE, { dropRootFrames: 1 })
  const lines = folded.trim().split('\n')

  it('splits samples by VM state into leaf frames and merges repeated stacks', () => {
    expect(lines).toEqual([
      'app.lua:0;app.lua:main;[VM 状态：解释执行] 2',
      'app.lua:0;app.lua:main;app.lua:encode;[VM 状态：C 代码] 3',
      'app.lua:0;app.lua:main;app.lua:encode;[VM 状态：已编译] 5',
      'app.lua:0;app.lua:main;sort;app.lua:12;[VM 状态：C 代码] 2',
      'app.lua:0;app.lua:main;sort;app.lua:12;[VM 状态：垃圾回收] 1',
    ])
  })

  it('keeps every sample', () => {
    const sum = lines.reduce((s, l) => s + Number(l.split(' ').pop()), 0)
    expect(sum).toBe(7 + 2 + 3 + 1)
  })

  it('replaces C function addresses with [C] when the root frame is kept', () => {
    expect(toFolded('@0xdeadbeef;a.lua:f 3\n')).toBe('[C];a.lua:f 3\n')
  })

  it('accepts output without VM states and rejects garbage', () => {
    expect(toFolded('x;y 2\nx 1\n')).toBe('x 1\nx;y 2\n')
    expect(() => toFolded('no count here')).toThrow(/line 1/)
  })

  it('the committed demo profile is valid folded output', () => {
    const demo = fs.readFileSync(path.join(ROOT, 'docs/.vitepress/data/flame/demo.folded'), 'utf8')
    expect(demo).toMatch(/^[^\n]+ \d+\n/)
    expect(demo).not.toMatch(/@0x/)
    expect(parseFolded(demo).total).toBeGreaterThan(100)
  })
})

describe('parseFolded and layoutFlame', () => {
  const text = 'main;b 30\nmain;a 10\nmain;a;x 20\nmain 40\nother 0\n'
  const root = parseFolded(text)

  it('builds a tree with totals and self counts, children sorted by name', () => {
    expect(root.total).toBe(100)
    const main = findNode(root, 'main')!
    expect(main.total).toBe(100)
    expect(main.self).toBe(40)
    expect(main.children.map((c) => c.name)).toEqual(['a', 'b'])
    expect(findNode(root, 'main;a')!.total).toBe(30)
    expect(findNode(root, 'main;a')!.self).toBe(10)
    expect(maxDepth(root)).toBe(3)
  })

  it('makes widths proportional to sample counts', () => {
    const rects = layoutFlame(root)
    const w = (id: string) => rects.find((r) => r.node.id === id)!
    expect(w('main').width).toBeCloseTo(1)
    expect(w('main;a').width).toBeCloseTo(0.3)
    expect(w('main;b').width).toBeCloseTo(0.3)
    expect(w('main;a;x').width).toBeCloseTo(0.2)
    // Alphabetical, left to right: a then b, not in the order of the input.
    expect(w('main;a').x).toBeCloseTo(0)
    expect(w('main;b').x).toBeCloseTo(0.3)
  })

  it('zooming gives the frame the full width and keeps its callers as full-width ancestors', () => {
    const a = findNode(root, 'main;a')!
    const rects = layoutFlame(root, a)
    expect(rects.map((r) => [r.node.id, r.ancestor, Number(r.width.toFixed(3))])).toEqual([
      ['', true, 1],
      ['main', true, 1],
      ['main;a', false, 1],
      ['main;a;x', false, 0.667],
    ])
  })

  it('drops frames narrower than the minimum width', () => {
    const r = parseFolded('a 999\nb 1\n')
    expect(layoutFlame(r, r, 0.01).map((x) => x.node.name)).toEqual(['全部', 'a'])
  })

  it('moves between frames with arrow keys', () => {
    const rects = layoutFlame(root)
    const main = findNode(root, 'main')!
    const a = findNode(root, 'main;a')!
    const b = findNode(root, 'main;b')!
    expect(neighbour(rects, root, 'ArrowUp')).toBe(main)
    expect(neighbour(rects, main, 'ArrowUp')).toBe(a) // widest callee; a and b tie, a is first
    expect(neighbour(rects, a, 'ArrowRight')).toBe(b)
    expect(neighbour(rects, b, 'ArrowLeft')).toBe(a)
    expect(neighbour(rects, b, 'ArrowRight')).toBeUndefined()
    expect(neighbour(rects, a, 'ArrowDown')).toBe(main)
  })

  it('summarises the frames with the most self samples, and formats numbers', () => {
    expect(topSelf(root, 2)).toEqual([
      { name: 'main', self: 40 },
      { name: 'b', self: 30 },
    ])
    expect(percent(1, 3)).toBe('33.3%')
    expect(textWidth('ab', 10)).toBeCloseTo(12)
    expect(textWidth('火焰', 10)).toBe(20)
    expect(fitLabel('demo.lua:encode_value', 1000, 12)).toBe('demo.lua:encode_value')
    expect(fitLabel('demo.lua:encode_value', 60, 12)).toMatch(/^demo.+…$/)
    expect(fitLabel('demo.lua:encode_value', 10, 12)).toBe('')
  })
})

describe('<FlameGraph>', async () => {
  const FlameGraph = await loadSfc('docs/.vitepress/theme/components/FlameGraph.vue', 'flame-test')

  it('renders the SVG, frame labels and the text summary on the server', async () => {
    const html = await renderToString(createSSRApp({ render: () => h(FlameGraph, { name: 'demo' }) }))
    expect(html).toContain('<svg')
    expect(html).toMatch(/role="group" aria-label="火焰图：demo，共 \d+ 个样本/)
    expect(html).toContain('>demo.lua:main</text>')
    expect(html).toContain('>全部</text>')
    expect(html).toContain('文字摘要')
    // One focusable frame (roving tabindex), all others reachable with arrow keys.
    expect(html.match(/tabindex="0"/g)).toHaveLength(1)
  })

  it('keeps the drawn labels out of the frames, in a layer hidden from assistive technology', () => {
    // A label cut to its frame's width is not a word of the frame's name (WCAG 2.5.3).
    const w = mount(FlameGraph, { props: { name: 'demo' } })
    expect(w.findAll('g.frame').length).toBeGreaterThan(5)
    expect(w.findAll('g.frame text, g.frame title')).toHaveLength(0)
    const labels = w.find('g.labels')
    expect(labels.attributes('aria-hidden')).toBe('true')
    expect(labels.findAll('text').map((t) => t.text())).toContain('demo.lua:main')
    w.unmount()
  })

  it('throws a clear error for an unknown profile', async () => {
    const Bad = defineComponent({ render: () => h(FlameGraph, { name: 'nope' }) })
    await expect(renderToString(createSSRApp(Bad))).rejects.toThrow(/no file nope\.folded/)
  })

  it('zooms on click and resets with the button', async () => {
    const w = mount(FlameGraph, { props: { name: 'demo' }, attachTo: document.body })
    const frame = (id: string) => w.find(`g[data-id="${id}"]`)
    const make = 'demo.lua:0;demo.lua:main;demo.lua:make_records'
    const widthOf = (id: string) => Number(frame(id).find('rect').attributes('width'))
    const full = widthOf('')
    expect(widthOf(make)).toBeLessThan(full)
    expect(w.find('button.reset').attributes('disabled')).toBeDefined()

    await frame(make).trigger('click')
    expect(widthOf(make)).toBeCloseTo(full, 0)
    expect(frame(make).classes()).toContain('zoomed')
    expect(frame('').classes()).toContain('ancestor')
    // Frames outside the zoomed one are gone.
    expect(w.find('g[data-id="demo.lua:0;demo.lua:main;demo.lua:checksum"]').exists()).toBe(false)
    expect(w.text()).toContain('已放大到 demo.lua:make_records')

    await w.find('button.reset').trigger('click')
    expect(widthOf(make)).toBeLessThan(full)
    expect(w.find('g[data-id="demo.lua:0;demo.lua:main;demo.lua:checksum"]').exists()).toBe(true)
    w.unmount()
  })

  it('moves the focus with arrow keys and zooms with Enter and Space', async () => {
    const w = mount(FlameGraph, { props: { name: 'demo' }, attachTo: document.body })
    const focused = () => document.activeElement?.getAttribute('data-id')
    const rootFrame = w.find('g[data-id=""]')
    expect(rootFrame.attributes('tabindex')).toBe('0')
    ;(rootFrame.element as unknown as HTMLElement).focus()

    await rootFrame.trigger('keydown', { key: 'ArrowUp' })
    await new Promise((r) => setTimeout(r))
    expect(focused()).toBe('demo.lua:0')
    await w.find('g[data-id="demo.lua:0"]').trigger('keydown', { key: 'ArrowUp' })
    await new Promise((r) => setTimeout(r))
    expect(focused()).toBe('demo.lua:0;demo.lua:main')
    expect(w.find('g[data-id="demo.lua:0;demo.lua:main"]').attributes('tabindex')).toBe('0')
    expect(rootFrame.attributes('tabindex')).toBe('-1')

    await w.find('g[data-id="demo.lua:0;demo.lua:main"]').trigger('keydown', { key: 'Enter' })
    expect(w.find('g[data-id="demo.lua:0;demo.lua:main"]').classes()).toContain('zoomed')
    await w.find('g[data-id=""]').trigger('keydown', { key: ' ' })
    expect(w.find('g[data-id="demo.lua:0;demo.lua:main"]').classes()).not.toContain('zoomed')
    expect(w.find('button.reset').attributes('disabled')).toBeDefined()
    w.unmount()
  })
})

describe('packFlame / unpackFlame', () => {
  const demo = fs.readFileSync(path.join(ROOT, 'docs/.vitepress/data/flame/demo.folded'), 'utf8')
  const flat = (root: FlameNode) => {
    const out: string[] = []
    walk(root, (n) => out.push(`${n.id}|${n.name}|${n.total}|${n.self}|${n.depth}|${n.parent?.id ?? '-'}`))
    return out
  }

  it('gives back the tree parseFolded made', () => {
    const tree = parseFolded(demo)
    const again = unpackFlame(JSON.parse(JSON.stringify(packFlame(tree))))
    expect(flat(again)).toEqual(flat(tree))
  })

  it('ships the demo profile in under a third of the folded text', () => {
    const packed = JSON.stringify(packFlame(parseFolded(demo)))
    console.log(`[flame] demo.folded ${Buffer.byteLength(demo)} B, packed ${Buffer.byteLength(packed)} B`)
    expect(Buffer.byteLength(packed)).toBeLessThan(Buffer.byteLength(demo) / 3)
  })

  it('rejects a packed tree that names a missing frame', () => {
    expect(() => unpackFlame({ names: ['全部'], root: [0, 0, [3, 1]] })).toThrow(/no name #3/)
  })
})
