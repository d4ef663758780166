// <BenchChart> and <BenchRatio>, rendered on the server from the real data.
import { describe, expect, it } from 'vitest'
import { createSSRApp, h, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { loadSfc } from '../support/sfc'
import { benchResults } from '../../docs/.vitepress/data/bench/all'
import { formatRatio, formatValue, loadBench } from '../../docs/.vitepress/data/bench/index'

/** Renders a view with the result for `props.id`, as theme/keyed.ts does on a page. */
function render(c: Component, props: Record<string, unknown>): Promise<string> {
  const result = benchResults[props.id as string]
  const app = createSSRApp({ render: () => h(c, { ...props, result }) })
  // Make a throwing component reject the render, as a build should fail.
  app.config.throwUnhandledErrorInProduction = true
  app.config.warnHandler = () => {}
  return renderToString(app)
}

const decode = (html: string): string => html.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")

describe('<BenchChart>', async () => {
  const BenchChart = await loadSfc('docs/.vitepress/theme/components/BenchChart.vue', 'bench-test')

  for (const [id, r] of Object.entries(benchResults)) {
    it(`${id}: one bar per case with the measured median, spread and ratio`, async () => {
      const html = decode(await render(BenchChart, { id }))
      const best = r.cases.reduce((a, b) => (b.median < a.median ? b : a))
      expect(html.match(/<rect /g)).toHaveLength(r.cases.length)
      for (const c of r.cases) {
        expect(html).toContain(c.label)
        expect(html).toContain(`${formatValue(c.median)} ${r.unit}`)
        expect(html).toContain(`${formatValue(c.min)}–${formatValue(c.max)}`)
        const x = c.median / best.median
        if (c !== best) expect(html).toContain(`×${x >= 100 ? Math.round(x) : formatRatio(x)}`)
      }
      // caption: environment and the command to reproduce
      expect(html).toContain(r.env.luajit)
      expect(html).toContain(r.env.cpu)
      expect(html).toContain(`<code>${r.command}</code>`)
      if (r.env.nginx) expect(html).toContain(r.env.nginx)
    })
  }

  it('has an accessible name and description, and a table fallback', async () => {
    const html = decode(await render(BenchChart, { id: 'cache-read' }))
    const m = /<svg[^>]*role="img"[^>]*aria-labelledby="([^" ]+) ([^"]+)"/.exec(html)
    expect(m).not.toBeNull()
    expect(html).toMatch(new RegExp(`<title id="${m![1]}">反复读取同一个热键`))
    expect(html).toMatch(new RegExp(`<desc id="${m![2]}">lua-resty-lrucache：中位数`))
    expect(html).toMatch(/<table>[\s\S]*<th scope="col">中位数<\/th>[\s\S]*<th scope="row">ngx\.shared\.DICT/)
    // scales with the column: a viewBox and no fixed CSS width
    expect(html).toMatch(/viewBox="0 0 360 \d+"/)
  })

  it('bar lengths are proportional to the medians', async () => {
    const r = benchResults['ffi-vs-capi']!
    const html = await render(BenchChart, { id: 'ffi-vs-capi' })
    const widths = [...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((x) => Number(x[1]))
    const top = Math.max(...r.cases.map((c) => Math.max(c.q3, c.median)))
    r.cases.forEach((c, i) => expect(widths[i]).toBeCloseTo(Math.max(2, (c.median / top) * (360 - 150 - 4)), 5))
  })

  it('throws for an unknown id', async () => {
    await expect(loadBench('nope')).rejects.toThrow(/no benchmark data for id "nope"/)
    expect(await loadBench('cache-read')).toEqual(benchResults['cache-read'])
  })
})

describe('<BenchRatio>', async () => {
  const BenchRatio = await loadSfc('docs/.vitepress/theme/components/BenchRatio.vue', 'bench-test')

  it('renders median(slow) / median(fast) with one decimal', async () => {
    for (const [id, r] of Object.entries(benchResults)) {
      const [a, b] = r.cases
      const html = await render(BenchRatio, { id, slow: a!.key, fast: b!.key })
      expect(html).toMatch(new RegExp(`>${formatRatio(a!.median / b!.median).replace('.', '\\.')}</span>$`))
    }
    const r = benchResults['cache-read']!
    const shdict = r.cases.find((c) => c.key === 'shdict')!
    const lru = r.cases.find((c) => c.key === 'lrucache')!
    const html = await render(BenchRatio, { id: 'cache-read', slow: 'shdict', fast: 'lrucache' })
    expect(html).toContain(`>${(shdict.median / lru.median).toFixed(1)}</span>`)
  })

  it('throws for an unknown id or case', async () => {
    await expect(loadBench('nope')).rejects.toThrow(/no benchmark data/)
    await expect(render(BenchRatio, { id: 'cache-read', slow: 'shdict', fast: 'redis' })).rejects.toThrow(/has no case "redis"/)
  })
})
