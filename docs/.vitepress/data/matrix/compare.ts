// Where the executed matrix and the README's "context:" lines disagree.
import type { MatrixCell, MatrixData, ReadmeContexts } from './types'

/** The API can be called in this context: it returned (maybe `nil, err`) or did its job and ended the handler. */
export function available(cell: MatrixCell): boolean {
  return cell.result === 'works' || cell.result === 'ended' || cell.result === 'returned'
}

export interface Disagreement {
  api: string
  context: string
  /** Context as the README writes it, e.g. `set_by_lua*`. */
  contextLabel: string
  cell: MatrixCell
  /** Whether each README lists the context for the API, by tag. */
  listed: Record<string, boolean>
}

export function listedIn(readme: ReadmeContexts, api: string, contextLabel: string): boolean {
  const list = readme.contexts[api]
  if (!list) throw new Error(`README ${readme.tag} has no "context:" line for ${api}`)
  return list.includes(contextLabel)
}

/** Every cell where the run and the README at `primary.tag` disagree, with what each README says. */
export function disagreements(matrix: MatrixData, primary: ReadmeContexts, others: readonly ReadmeContexts[] = []): Disagreement[] {
  const out: Disagreement[] = []
  for (const api of matrix.apis) {
    for (const c of matrix.contexts) {
      const cell = matrix.cells[api]?.[c.key]
      if (!cell) throw new Error(`matrix ${matrix.stack.id}: no cell ${api} × ${c.label}`)
      const listed = listedIn(primary, api, c.label)
      if (listed === available(cell)) continue
      out.push({
        api, context: c.key, contextLabel: c.label, cell,
        listed: Object.fromEntries([primary, ...others].map((r) => [r.tag, listedIn(r, api, c.label)])),
      })
    }
  }
  return out
}
