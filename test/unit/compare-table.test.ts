// <CompareTable>: rendered on the server as a real, accessible <table>.
import { describe, expect, it } from 'vitest'
import { createSSRApp, h, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { loadSfc } from '../support/sfc'

const render = (c: Component, props: Record<string, unknown>) => renderToString(createSSRApp({ render: () => h(c, props) }))

describe('<CompareTable>', async () => {
  const CompareTable = await loadSfc('docs/.vitepress/theme/components/CompareTable.vue', 'compare-test')
  const table = (await import('../../docs/.vitepress/data/tables/profiling-tools')).default
  const html = await render(CompareTable, { id: 'profiling-tools', table })

  it('is a real table with a caption that also names its scroll region', () => {
    expect(html).toMatch(/<table[\s>]/)
    expect(html).toContain(`<caption id="compare-table-profiling-tools" class="visually-hidden">${table.caption}</caption>`)
    // The same text is shown above the scroll region, hidden from assistive technology (no double reading).
    expect(html).toContain(`<p class="title" aria-hidden="true">${table.caption}</p>`)
    expect(html).toMatch(/<div class="scroller" tabindex="0" role="region" aria-labelledby="compare-table-profiling-tools"/)
  })

  it('has one column header per column, with scope="col"', () => {
    const heads = [...html.matchAll(/<th scope="col"[^>]*>\s*([^<]*?)\s*<\/th>/g)].map((m) => m[1])
    expect(heads).toEqual(table.columns.map((c) => c.label))
  })

  it('heads every row with a th scope="row" and labels every cell', () => {
    const rowHeads = html.match(/<th scope="row"/g) ?? []
    expect(rowHeads).toHaveLength(table.rows.length)
    const cells = html.match(/<t[dh] [^>]*data-label="/g) ?? []
    expect(cells).toHaveLength(table.rows.length * table.columns.length)
  })

  it('renders backticks as inline code', () => {
    expect(html).toContain('<code>sample-bt</code>')
  })

  it('highlights marked cells and announces the mark to screen readers', () => {
    const marked = table.rows.flatMap((r) => Object.values(r)).filter((c) => typeof c !== 'string' && c.mark)
    expect(marked.length).toBeGreaterThan(0)
    expect((html.match(/class="mark mark-(key|good|bad)/g) ?? []).length).toBe(marked.length)
    expect(html).toContain('<span class="visually-hidden">（劣）</span>')
    expect(html).toContain('<span class="visually-hidden">（优）</span>')
    expect(html).toContain('<span class="visually-hidden">（要点）</span>')
    // The visible badge is decoration only.
    expect(html).toMatch(/<span class="badge" aria-hidden="true">[✓✗◆]<\/span>/)
  })

  it('renders notes and links the sources', () => {
    expect(html).toContain('class="note"')
    expect(html).toContain('<a href="https://github.com/openresty/stapxx/blob/c6773fe7732f7fe4e008573d4f36447f1cfd3e5d/README.markdown#lj-lua-stacks" target="_blank" rel="noreferrer">')
  })

  it('loads a table by id, and throws for an unknown id naming the ids it has', async () => {
    const { loadTable } = await import('../../docs/.vitepress/data/tables/index')
    expect(await loadTable('profiling-tools')).toBe(table)
    await expect(loadTable('no-such-table')).rejects.toThrow(/no table with that id.*profiling-tools/)
  })
})
