// Comparison tables by id. Each data file is its own chunk, loaded only by
// the pages that show it.
import type { ComparisonTable } from './types'

const files = import.meta.glob<{ default: ComparisonTable }>(['./*.ts', '!./types.ts', '!./index.ts'])

const loaders = new Map(Object.entries(files).map(([p, load]) => [p.slice(2, -'.ts'.length), load]))

export const tableIds: readonly string[] = [...loaders.keys()].sort()

export async function loadTable(id: string): Promise<ComparisonTable> {
  const load = loaders.get(id)
  if (!load) {
    throw new Error(`<CompareTable id="${id}">: no table with that id in docs/.vitepress/data/tables/ (have: ${tableIds.join(', ')})`)
  }
  return (await load()).default
}
