// Builds a site only when its sources changed since the last build: a hash of
// every input file (path and bytes) and the settings that shape the output is
// stored next to the build; a matching hash means the build is current.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Folders that hold build output or caches, never sources. */
const NOT_SOURCES = new Set(['node_modules', '.temp', '.git'])
/** VitePress writes its output and cache inside `.vitepress/`. */
const VITEPRESS_OUTPUT = new Set(['dist', 'cache'])

function skipFolder(rel: string, name: string): boolean {
  return NOT_SOURCES.has(name) || (VITEPRESS_OUTPUT.has(name) && path.basename(rel) === '.vitepress')
}

function filesUnder(root: string, rel: string, out: string[]): void {
  const abs = path.join(root, rel)
  const stat = fs.statSync(abs, { throwIfNoEntry: false })
  if (!stat) return
  if (stat.isFile()) {
    out.push(rel)
    return
  }
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    if (e.isDirectory() && skipFolder(rel, e.name)) continue
    if (e.isDirectory() || e.isFile()) filesUnder(root, path.join(rel, e.name), out)
  }
}

/**
 * A hash of the files under `inputs` (paths relative to `root`, files or
 * folders) and of `settings`. Any added, removed, renamed or edited file
 * changes it.
 */
export function sourceHash(root: string, inputs: string[], settings: Record<string, string> = {}): string {
  const files: string[] = []
  for (const input of inputs) filesUnder(root, input, files)
  const hash = createHash('sha256')
  hash.update(JSON.stringify(Object.entries(settings).sort()))
  for (const rel of [...new Set(files)].sort()) {
    hash.update(`\0${rel.split(path.sep).join('/')}\0`)
    hash.update(fs.readFileSync(path.join(root, rel)))
  }
  return hash.digest('hex')
}

export interface CachedBuild {
  /** Shown in the log line. */
  name: string
  outDir: string
  root: string
  inputs: string[]
  settings?: Record<string, string>
  build(): void
}

/** Where the hash of the sources of the build in `outDir` is kept. */
export const hashFileOf = (outDir: string) => `${outDir.replace(/[\\/]+$/, '')}.sources-sha256`

/** Runs `build` unless `outDir` already holds a build of the current sources. */
export function buildIfChanged(b: CachedBuild): 'built' | 'current' {
  const hash = sourceHash(b.root, b.inputs, b.settings)
  const hashFile = hashFileOf(b.outDir)
  const stored = fs.existsSync(hashFile) ? fs.readFileSync(hashFile, 'utf8').trim() : ''
  if (stored === hash && fs.existsSync(path.join(b.outDir, 'index.html'))) {
    console.log(`[build] ${b.name}: sources unchanged since the last build (${hash.slice(0, 12)}), reusing ${path.relative(b.root, b.outDir)}`)
    return 'current'
  }
  // Remove the stale hash first: a build that fails halfway must not look current.
  fs.rmSync(hashFile, { force: true })
  const started = Date.now()
  b.build()
  fs.writeFileSync(hashFile, `${hash}\n`)
  console.log(`[build] ${b.name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s (sources ${hash.slice(0, 12)})`)
  return 'built'
}

/**
 * The file at `file`, made again by `make` only when `from` (a description of
 * everything it is made from) differs from the one stored beside it, or when
 * `force` is set. An empty `from` (inputs unknown) is never trusted. Returns
 * whether it was made or reused.
 */
export async function fileIfChanged(file: string, from: string, make: () => Promise<Buffer>, force = false): Promise<'made' | 'current'> {
  const stamp = `${file}.made-from`
  if (!force && from && fs.existsSync(file) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === from) return 'current'
  // Remove the stale stamp first: a file left half-written must not look current.
  fs.rmSync(stamp, { force: true })
  const bytes = await make()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, bytes)
  if (from) fs.writeFileSync(stamp, from)
  return 'made'
}
