// Turns an executed matrix (and the README's context lines) into the two
// comparison tables the phases page shows: the matrix itself, and every cell
// where the run and the README disagree.
import type { Cell, ComparisonTable, RichCell } from '../tables/types'
import { available, disagreements, listedIn } from './compare'
import type { MatrixCell, MatrixData, ReadmeContexts } from './types'

/** What a reader sees in a cell; the exact error stays in the note. */
export function cellText(cell: MatrixCell, contextLabel: string): { text: string; note?: string } {
  switch (cell.result) {
    case 'works': return { text: '✓' }
    case 'ended': return { text: '✓', note: '调用成功，当前处理函数随之结束' }
    case 'returned': return { text: '✓', note: `返回 nil, "${cell.message}"` }
    case 'crash': return { text: '✗ 崩溃', note: cell.message }
    case 'error':
      // The most common error repeats the column header; the caption says so.
      return cell.message === `API disabled in the context of ${contextLabel}` ? { text: '✗' } : { text: '✗', note: cell.message }
  }
}

const stackName = (m: MatrixData): string => `nginx ${m.stack.nginx} + lua-nginx-module ${m.stack.ngxLua} + lua-resty-core ${m.stack.restyCore}（${m.stack.label}）`

export function matrixTable(id: string, m: MatrixData, readme: ReadmeContexts): ComparisonTable {
  const columns = [{ key: 'api', label: 'API' }, ...m.contexts.map((c) => ({ key: c.key, label: c.label }))]
  const rows = m.apis.map((api) => {
    const row: Record<string, Cell> = { api: `\`${api}\`` }
    for (const c of m.contexts) {
      const cell = m.cells[api]![c.key]!
      const shown = cellText(cell, c.label)
      const ok = available(cell)
      if (ok !== listedIn(readme, api, c.label)) {
        const why = ok ? `README ${readme.tag} 未列出此上下文` : `README ${readme.tag} 列出了此上下文`
        row[c.key] = { text: shown.text, mark: 'key', note: shown.note ? `${shown.note}；${why}` : why }
      } else {
        row[c.key] = shown.note ? { text: shown.text, mark: ok ? 'good' : 'bad', note: shown.note } : { text: shown.text, mark: ok ? 'good' : 'bad' }
      }
    }
    return row
  })
  return {
    id,
    caption: `API × 上下文：${m.apis.length} 个 API 在 ${m.contexts.length} 个上下文里实际调用的结果，${stackName(m)}。✓ 表示调用没有抛错；✗ 不带说明表示报错“API disabled in the context of <列名>”；◆ 表示与 README 的 context 一行不一致`,
    columns,
    rowHeader: 'api',
    rows,
    sources: [
      `npm run matrix（scripts/matrix/），在 ${stackName(m)} 上运行`,
      `lua-nginx-module README ${readme.tag}：${readme.source}`,
    ],
  }
}

export function disagreementTable(id: string, m: MatrixData, primary: ReadmeContexts, others: readonly ReadmeContexts[]): ComparisonTable {
  const tags = [primary, ...others].map((r) => r.tag)
  const columns = [
    { key: 'api', label: 'API' },
    { key: 'context', label: '上下文' },
    { key: 'measured', label: `实测（${m.stack.ngxLua}）` },
    ...tags.map((t, i) => ({ key: `readme${i}`, label: `README ${t}` })),
  ]
  const rows = disagreements(m, primary, others).map((d) => {
    const shown = cellText(d.cell, d.contextLabel)
    const row: Record<string, Cell> = {
      api: `\`${d.api}\``,
      context: `\`${d.contextLabel}\``,
      measured: { text: available(d.cell) ? '可以调用' : '报错', mark: 'key', ...(shown.note || d.cell.message ? { note: shown.note ?? d.cell.message } : {}) },
    }
    tags.forEach((t, i) => { row[`readme${i}`] = d.listed[t] ? '列出' : '未列出' })
    return row
  })
  return {
    id,
    caption: `实测与 README 的 context 一行不一致的 ${rows.length} 个单元格（${stackName(m)}）`,
    columns,
    rowHeader: 'api',
    rows,
    sources: [primary, ...others].map((r) => `lua-nginx-module README ${r.tag}：${r.source}`),
  }
}

const marked = (c: Cell): RichCell => ({ ...(typeof c === 'string' ? { text: c } : c), mark: 'key' })

/** Every cell whose result differs between two stacks' matrices. */
export function stackDiffTable(id: string, a: MatrixData, b: MatrixData): ComparisonTable {
  const show = (cell: MatrixCell, label: string): Cell => {
    const t = cellText(cell, label)
    // "ended" is success for ngx.exit and friends, but for a call that should
    // return (ngx.sleep) it means the handler stopped there: say what happened.
    if (cell.result === 'ended') return { text: '没有返回', note: '处理函数停在这次调用里，后面的代码没有运行' }
    if (cell.result === 'works') return '✓ 返回'
    return t.note ? { text: t.text, note: t.note } : t.text
  }
  const rows: Record<string, Cell>[] = []
  for (const api of a.apis) {
    for (const c of a.contexts) {
      const x = a.cells[api]?.[c.key]
      const y = b.cells[api]?.[c.key]
      if (!x || !y) throw new Error(`${id}: ${api} × ${c.label} is missing in ${x ? b.stack.id : a.stack.id}`)
      if (x.result === y.result && x.message === y.message) continue
      rows.push({ api: `\`${api}\``, context: `\`${c.label}\``, a: show(x, c.label), b: marked(show(y, c.label)) })
    }
  }
  const name = (m: MatrixData): string => `nginx ${m.stack.nginx} + lua-nginx-module ${m.stack.ngxLua}`
  return {
    id,
    caption: `两套环境结果不同的 ${rows.length} 个单元格（共 ${a.apis.length * a.contexts.length} 格）`,
    columns: [
      { key: 'api', label: 'API' },
      { key: 'context', label: '上下文' },
      { key: 'a', label: `${name(a)}（${a.stack.label}）` },
      { key: 'b', label: `${name(b)}（${b.stack.label}）` },
    ],
    rowHeader: 'api',
    rows,
    sources: [`npm run matrix，两套环境各跑一遍：docs/.vitepress/data/matrix/${a.stack.id}.json 与 ${b.stack.id}.json`],
  }
}
