// Parsing and layout for <FlameGraph />: pure functions, so they are unit-tested
// without a browser and give the same SVG on the server and in the browser.

/** One node of the merged call tree. */
export interface FlameNode {
  name: string
  /** Samples in which this frame was on the stack (itself plus everything it called). */
  total: number
  /** Samples in which this frame was the leaf, i.e. on CPU itself. */
  self: number
  /** Callees, sorted by name: the x axis of a flame graph is alphabetical, not time. */
  children: FlameNode[]
  /** Stable id: the names from the root joined by `;`. */
  id: string
  depth: number
  parent: FlameNode | null
}

/** The root frame's label: all samples. */
export const ROOT_NAME = '全部'

/**
 * Parses Brendan Gregg's folded format (`a;b;c 123`, root first, one stack per
 * line) into a tree. Identical stacks are merged; blank lines are ignored.
 */
export function parseFolded(text: string): FlameNode {
  const root: FlameNode = { name: ROOT_NAME, total: 0, self: 0, children: [], id: '', depth: 0, parent: null }
  const index = new Map<string, FlameNode>()
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return
    const m = /^(.*\S)\s+(\d+)$/.exec(line)
    if (!m) throw new Error(`folded stacks, line ${i + 1}: expected "frame;frame count", got ${JSON.stringify(line)}`)
    const count = Number(m[2])
    let node = root
    node.total += count
    for (const name of m[1]!.split(';')) {
      const id = node.id ? `${node.id};${name}` : name
      let child = index.get(id)
      if (!child) {
        child = { name, total: 0, self: 0, children: [], id, depth: node.depth + 1, parent: node }
        index.set(id, child)
        node.children.push(child)
      }
      child.total += count
      node = child
    }
    node.self += count
  })
  const sortTree = (n: FlameNode) => {
    n.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    n.children.forEach(sortTree)
  }
  sortTree(root)
  return root
}

/**
 * A call tree in few bytes, for the browser: `[name index, self samples,
 * ...children]`. The folded text repeats every caller on every line; packed,
 * the demo profile is a fifth of its size (test/unit/flame-graph.test.ts).
 */
export type PackedNode = [number, number, ...PackedNode[]]
export interface PackedFlame {
  names: string[]
  root: PackedNode
}

export function packFlame(root: FlameNode): PackedFlame {
  const names: string[] = []
  const indexOf = new Map<string, number>()
  const pack = (n: FlameNode): PackedNode => {
    let i = indexOf.get(n.name)
    if (i === undefined) {
      i = names.push(n.name) - 1
      indexOf.set(n.name, i)
    }
    return [i, n.self, ...n.children.map(pack)]
  }
  return { names, root: pack(root) }
}

/** The inverse of packFlame: totals, ids, depths and parents are recomputed. */
export function unpackFlame({ names, root }: PackedFlame): FlameNode {
  const unpack = ([i, self, ...children]: PackedNode, parent: FlameNode | null): FlameNode => {
    const name = names[i]
    if (name === undefined) throw new Error(`packed flame graph: no name #${i}`)
    const id = parent === null ? '' : parent.id ? `${parent.id};${name}` : name
    const node: FlameNode = { name, total: self, self, children: [], id, depth: parent ? parent.depth + 1 : 0, parent }
    for (const c of children) {
      const child = unpack(c, node)
      node.children.push(child)
      node.total += child.total
    }
    return node
  }
  return unpack(root, null)
}

/** Depth-first, callers before callees, siblings left to right. */
export function walk(node: FlameNode, visit: (n: FlameNode) => void): void {
  visit(node)
  for (const c of node.children) walk(c, visit)
}

export function findNode(root: FlameNode, id: string): FlameNode | undefined {
  let found: FlameNode | undefined
  walk(root, (n) => {
    if (!found && n.id === id) found = n
  })
  return found
}

/** A placed frame: x and width are fractions of the full graph width (0…1). */
export interface FlameRect {
  node: FlameNode
  x: number
  width: number
  /** 0 is the root, drawn at the bottom. */
  depth: number
  /** An ancestor of the zoomed frame: drawn full width and dimmed. */
  ancestor: boolean
}

/**
 * Places every frame. When zoomed into `focus`, that frame spans the full
 * width, its callees share that width in proportion to their samples, and its
 * callers are drawn full width below it; everything else is hidden.
 * Frames narrower than `minWidth` (a fraction) are left out.
 */
export function layoutFlame(root: FlameNode, focus: FlameNode = root, minWidth = 0): FlameRect[] {
  const rects: FlameRect[] = []
  for (let a = focus.parent; a; a = a.parent) rects.unshift({ node: a, x: 0, width: 1, depth: a.depth, ancestor: true })
  const place = (n: FlameNode, x: number, width: number) => {
    if (width < minWidth) return
    rects.push({ node: n, x, width, depth: n.depth, ancestor: false })
    let cx = x
    for (const c of n.children) {
      const w = n.total === 0 ? 0 : (width * c.total) / n.total
      place(c, cx, w)
      cx += w
    }
  }
  place(focus, 0, 1)
  return rects
}

/** Deepest stack in the tree (the root has depth 0). */
export function maxDepth(root: FlameNode): number {
  let d = 0
  walk(root, (n) => {
    d = Math.max(d, n.depth)
  })
  return d
}

/** Frames with the most samples of their own (on CPU themselves), merged by name. */
export function topSelf(root: FlameNode, limit = 8): { name: string; self: number }[] {
  const byName = new Map<string, number>()
  walk(root, (n) => {
    if (n.self > 0 && n !== root) byName.set(n.name, (byName.get(n.name) ?? 0) + n.self)
  })
  return [...byName]
    .map(([name, self]) => ({ name, self }))
    .sort((a, b) => b.self - a.self || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
}

/** Percentage with one decimal, e.g. `12.3%`. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((part * 100) / whole).toFixed(1)}%`
}

/** Width of a label in px at `fontSize`: CJK characters are about 1 em, others about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontSize : fontSize * 0.6
  return w
}

/** Shortens `text` with `…` so it fits in `width` px, or returns '' if not even two characters fit. */
export function fitLabel(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text
  const chars = [...text]
  for (let n = chars.length - 1; n >= 2; n--) {
    const t = chars.slice(0, n).join('') + '…'
    if (textWidth(t, fontSize) <= width) return t
  }
  return ''
}

/**
 * A stable warm colour for a frame name (like flamegraph.pl's default "hot"
 * palette: hue carries no meaning, it only separates neighbours). Frames in
 * square brackets (`[C]`, VM states) get a cool colour so they stand apart.
 */
export function frameColor(name: string): string {
  let h = 0
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0
  const r = (h % 1000) / 1000
  const r2 = ((h >>> 10) % 1000) / 1000
  if (name.startsWith('[')) return `hsl(${Math.round(190 + r * 30)}, ${Math.round(45 + r2 * 20)}%, ${Math.round(62 + r2 * 10)}%)`
  return `hsl(${Math.round(r * 55)}, ${Math.round(75 + r2 * 20)}%, ${Math.round(55 + r * 10)}%)`
}

/** Where an arrow key moves the focus from `node`: up = a callee, down = the caller, left/right = neighbour on the same row. */
export function neighbour(rects: readonly FlameRect[], node: FlameNode, key: string): FlameNode | undefined {
  const here = rects.find((r) => r.node === node)
  if (!here) return undefined
  const visible = new Set(rects.map((r) => r.node))
  if (key === 'ArrowUp') {
    // The widest visible callee: the path most samples took.
    let best: FlameNode | undefined
    for (const c of node.children) if (visible.has(c) && (!best || c.total > best.total)) best = c
    return best
  }
  if (key === 'ArrowDown') return node.parent ?? undefined
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const row = rects.filter((r) => r.depth === here.depth).sort((a, b) => a.x - b.x)
    const i = row.indexOf(here)
    return row[key === 'ArrowLeft' ? i - 1 : i + 1]?.node
  }
  return undefined
}
