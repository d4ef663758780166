// Checks every internal link, anchor and asset reference in a built site.
// VitePress reports dead page links but not `#anchors`; this does both, and
// maps each problem back to the Markdown line that wrote the link.
import fs from 'node:fs'
import path from 'node:path'

export interface LinkProblem {
  /** Built page that contains the link, relative to the output folder. */
  page: string
  /** The href/src as written in the HTML. */
  ref: string
  reason: string
  /** `docs/…md:line` when the link can be traced to its Markdown source. */
  source?: string
}

export interface CheckOptions {
  /** Output folder of `vitepress build`. */
  dist: string
  /** Base the site was built with, e.g. `/openresty-notes/`. */
  base: string
  /** Source folder, to map problems to Markdown lines. */
  docs?: string
}

const ATTR = /\s(href|src)="([^"]*)"/g
const ID = /\sid="([^"]*)"/g

function listHtml(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...listHtml(dir, rel))
    else if (entry.name.endsWith('.html')) out.push(rel)
  }
  return out
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
}

/** The ids a page defines, i.e. the anchors a link may point to. */
export function idsOf(html: string): Set<string> {
  const ids = new Set<string>()
  for (const m of html.matchAll(ID)) ids.add(decodeEntities(m[1]!))
  return ids
}

/** Resolves a site path (without base) to the built file clean URLs serve. */
function resolveFile(dist: string, sitePath: string): string | undefined {
  const p = decodeURIComponent(sitePath)
  const candidates = p.endsWith('/') ? [`${p}index.html`] : [p, `${p}.html`, `${p}/index.html`]
  for (const c of candidates) {
    const file = path.join(dist, c)
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file
  }
  return undefined
}

/** Finds the Markdown line that wrote a link, for a readable error. */
function locate(docs: string, page: string, ref: string, base: string): string | undefined {
  const md = path.join(docs, page.replace(/\.html$/, '.md'))
  if (!fs.existsSync(md)) return undefined
  const [pathPart, hash] = ref.split('#')
  const noBase = (pathPart ?? '').startsWith(base) ? `/${(pathPart ?? '').slice(base.length)}` : pathPart ?? ''
  const needles = [hash ? `#${hash}` : '', noBase.replace(/\.html$/, '')].filter((n) => n && n !== '/')
  const lines = fs.readFileSync(md, 'utf8').split('\n')
  for (const needle of needles) {
    const i = lines.findIndex((l) => l.includes(needle))
    if (i >= 0) return `${path.relative(path.dirname(docs), md)}:${i + 1}`
  }
  return path.relative(path.dirname(docs), md)
}

export function checkLinks({ dist, base, docs }: CheckOptions): LinkProblem[] {
  const problems: LinkProblem[] = []
  const pages = listHtml(dist)
  const idCache = new Map<string, Set<string>>()
  const ids = (file: string) => {
    let set = idCache.get(file)
    if (!set) idCache.set(file, (set = idsOf(fs.readFileSync(file, 'utf8'))))
    return set
  }

  for (const page of pages) {
    const file = path.join(dist, page)
    const html = fs.readFileSync(file, 'utf8')
    for (const m of html.matchAll(ATTR)) {
      const ref = decodeEntities(m[2]!)
      if (ref === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) continue // external, mailto:, data:, javascript:
      const report = (reason: string) =>
        problems.push({ page, ref, reason, source: docs ? locate(docs, page, ref, base) : undefined })

      const [pathPart = '', hash] = ref.split('#')
      let target = file
      if (pathPart !== '') {
        let sitePath: string
        if (pathPart.startsWith('/')) {
          if (!pathPart.startsWith(base)) {
            report(`does not start with the base ${base}`)
            continue
          }
          sitePath = `/${pathPart.slice(base.length)}`
        } else {
          sitePath = path.posix.join(`/${path.posix.dirname(page)}/`, pathPart)
        }
        const resolved = resolveFile(dist, sitePath.split('?')[0]!)
        if (!resolved) {
          report('target does not exist in the build')
          continue
        }
        target = resolved
      }
      if (hash !== undefined && hash !== '' && target.endsWith('.html')) {
        const id = decodeURIComponent(hash)
        if (!ids(target).has(id)) report(`no element with id "${id}" in ${path.relative(dist, target)}`)
      }
    }
  }
  return problems
}

export function formatProblems(problems: LinkProblem[]): string {
  return problems
    .map((p) => `${p.source ?? p.page}: ${p.ref} — ${p.reason} (in ${p.page})`)
    .join('\n')
}
