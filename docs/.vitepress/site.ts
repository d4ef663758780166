// Deployment settings, read from the environment so the same sources build
// for a local preview (`/`) and for GitHub Pages (`/<repo>/`).
export interface SiteEnv {
  /** Path the site is served under; always starts and ends with `/`. */
  base: string
  /** Origin the site is served from, e.g. `https://user.github.io` (no path). */
  origin: string
  /** `owner/name` of the GitHub repository, for "edit this page" links. */
  repo: string
}

export function normalizeBase(raw: string | undefined): string {
  const value = (raw ?? '').trim()
  if (value === '' || value === '/') return '/'
  return `/${value.replace(/^\/+|\/+$/g, '')}/`
}

export function readSiteEnv(env: NodeJS.ProcessEnv = process.env): SiteEnv {
  const repo = env.DOCS_REPO || env.GITHUB_REPOSITORY || 'openresty-notes/openresty-notes'
  const [owner] = repo.split('/')
  return {
    base: normalizeBase(env.DOCS_BASE),
    origin: (env.DOCS_ORIGIN || `https://${owner}.github.io`).replace(/\/+$/, ''),
    repo,
  }
}
