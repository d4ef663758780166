// The shape of every comparison table on the site. Tables live one per file in
// this folder and are rendered by <CompareTable id="…" />.

/** How a cell is emphasised: the reader's eye should land on `key` cells. */
export type Mark = 'good' | 'bad' | 'key'

export interface RichCell {
  /** Cell text; `backticks` become inline code. */
  text: string
  /** Highlight this cell, e.g. "JIT 可编译：否". */
  mark?: Mark
  /** A short remark shown under the text. */
  note?: string
}

export type Cell = string | RichCell

export interface Column<K extends string> {
  key: K
  label: string
}

export interface ComparisonTable<K extends string = string> {
  /** Equals the file name without `.ts`. */
  id: string
  /** Visible caption, also the table's accessible name. */
  caption: string
  columns: readonly Column<K>[]
  /** The column whose cells head each row (`<th scope="row">`). */
  rowHeader: K
  /** Every row must fill every column: a missing or misspelt key is a type error. */
  rows: readonly { readonly [P in K]: Cell }[]
  /** Where the facts come from; rendered under the table. */
  sources?: readonly string[]
}

/** Identity function that makes TypeScript check row keys against the columns. */
export function defineTable<const K extends string>(table: ComparisonTable<K>): ComparisonTable<K> {
  return table
}
