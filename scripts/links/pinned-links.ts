// Finds links to upstream GitHub files that do not name a tag or commit, so a
// page keeps meaning what it said when the upstream default branch moves on.
//
// Unpinned:  github.com/o/r/{blob,tree,raw,blame,commits}/<branch or none>/…,
//            raw.githubusercontent.com/o/r/<branch>/…,
//            github.com/o/r#section (the default branch's README).
// Pinned:    a commit hash (7–40 hex digits) or a version tag (v0.10.28,
//            2.6.1, v2.1-20230119) that is not also a branch name.
// Left alone: a repository's home page, /pull/N, /issues/N, /commit/<sha>,
//            /releases/tag/<tag>, /tags, clone URLs and template URLs (`${…}`).
import fs from 'node:fs'
import path from 'node:path'

export interface UnpinnedLink {
  /** `docs/x.md:12`, relative to the root passed in. */
  source: string
  url: string
  reason: string
}

/** Upstream branches whose names look like versions (LuaJIT's v2.0/v2.1, luajit2's v2.1-agentzh). */
const BRANCHES = new Set(['master', 'main', 'head', 'trunk', 'develop', 'dev', 'v2.0', 'v2.1', 'v2.1-agentzh', 'gh-pages'])

const COMMIT = /^[0-9a-f]{7,40}$/i
const VERSION_TAG = /^(?:release-|v)?\d+(?:[.-]\w+)*$/

export function isPinnedRef(ref: string | undefined): boolean {
  if (!ref) return false
  if (BRANCHES.has(ref.toLowerCase())) return false
  return COMMIT.test(ref) || VERSION_TAG.test(ref)
}

const URL_RE = /https?:\/\/(?:www\.)?(github\.com|raw\.githubusercontent\.com)\/[^\s)>\]"'`<|，。、；：）】]+/g
const FILE_VIEWS = new Set(['blob', 'tree', 'raw', 'blame', 'commits'])

/** Why `url` is an unpinned link to an upstream file, or null when it is fine. */
export function unpinnedReason(url: string): string | null {
  if (url.includes('${')) return null
  const u = new URL(url.replace(/[.,;:]+$/, ''))
  const parts = u.pathname.split('/').filter(Boolean)
  if (u.hostname === 'raw.githubusercontent.com') {
    return isPinnedRef(parts[2]) ? null : `raw file on "${parts[2] ?? ''}", not a tag or commit`
  }
  const [, , view, ref] = parts
  if (parts.length <= 2) {
    return u.hash && parts.length === 2 ? `README section ${u.hash} on the default branch; link README at a tag or commit` : null
  }
  if (!view || !FILE_VIEWS.has(view)) return null
  return isPinnedRef(ref) ? null : `${view} on "${ref ?? ''}", not a tag or commit`
}

/** Every unpinned upstream link in `text`, with 1-based line numbers. */
export function findUnpinned(text: string, file: string): UnpinnedLink[] {
  const out: UnpinnedLink[] = []
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(URL_RE)) {
      const reason = unpinnedReason(m[0])
      if (reason) out.push({ source: `${file}:${i + 1}`, url: m[0], reason })
    }
  })
  return out
}

/** Build output and caches are generated; everything else under docs/ is source. */
const SKIP_DIRS = new Set(['dist', 'cache', '.temp', 'node_modules'])

function textFiles(dir: string): string[] {
  const files: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) files.push(...textFiles(full))
    } else if (entry.isFile()) {
      files.push(full)
    }
  }
  return files
}

/** Scans every text file under `docsDir`; paths in the result are relative to `root`. */
export function checkPinnedLinks(docsDir: string, root: string): UnpinnedLink[] {
  const out: UnpinnedLink[] = []
  for (const file of textFiles(docsDir).sort()) {
    const buf = fs.readFileSync(file)
    if (buf.includes(0)) continue // binary (images, fonts)
    out.push(...findUnpinned(buf.toString('utf8'), path.relative(root, file)))
  }
  return out
}

export function formatUnpinned(links: UnpinnedLink[]): string {
  return links.map((l) => `${l.source}: ${l.url} (${l.reason})`).join('\n')
}
