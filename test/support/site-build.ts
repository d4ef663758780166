// The two builds the `site` tests read: the real site under the GitHub Pages
// base, and a plain VitePress site (the page-weight baseline). Each is rebuilt
// only when its sources changed (build-cache.ts); SITE_TEST_REBUILD=1 forces it.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { buildIfChanged, hashFileOf } from './build-cache'
import { ROOT, TEST_BASE, TEST_DIST } from './paths'

export const PLAIN_BASE = '/plain/'
export const PLAIN_DIST = path.join(ROOT, 'test/.output/plain')

/** Commit that last touched docs/: the pages' "last updated" dates come from git. */
function docsCommit(): string {
  try {
    return execFileSync('git', ['log', '-1', '--format=%H', '--', 'docs'], { cwd: ROOT, encoding: 'utf8' }).trim()
  } catch {
    return 'no git'
  }
}

function vitepressBuild(srcDir: string, outDir: string, env: NodeJS.ProcessEnv, extraArgs: string[] = []): void {
  execFileSync('npx', ['vitepress', 'build', srcDir, '--outDir', outDir, ...extraArgs], { cwd: ROOT, env, stdio: 'inherit' })
}

function forgetIfForced(outDir: string): void {
  if (process.env.SITE_TEST_REBUILD === '1') fs.rmSync(hashFileOf(outDir), { force: true })
}

/** The site as GitHub Pages serves it, in TEST_DIST. */
export function buildTestSite(): void {
  forgetIfForced(TEST_DIST)
  const env: NodeJS.ProcessEnv = { ...process.env, DOCS_BASE: TEST_BASE }
  buildIfChanged({
    name: `site (base ${TEST_BASE})`,
    root: ROOT,
    outDir: TEST_DIST,
    // docs/ imports a few build-time helpers from scripts/.
    inputs: ['docs', 'scripts', 'package-lock.json', 'tsconfig.json'],
    settings: {
      DOCS_BASE: TEST_BASE,
      DOCS_ORIGIN: env.DOCS_ORIGIN ?? '',
      DOCS_REPO: env.DOCS_REPO ?? '',
      GITHUB_REPOSITORY: env.GITHUB_REPOSITORY ?? '',
      DOCS_HYDRATION_DETAILS: env.DOCS_HYDRATION_DETAILS ?? '',
      docsCommit: docsCommit(),
    },
    build: () => vitepressBuild('docs', TEST_DIST, env),
  })
}

/** A plain VitePress page (default theme, local search), in PLAIN_DIST. */
export function buildPlainSite(): void {
  forgetIfForced(PLAIN_DIST)
  buildIfChanged({
    name: `plain VitePress baseline (base ${PLAIN_BASE})`,
    root: ROOT,
    outDir: PLAIN_DIST,
    inputs: ['test/fixtures/plain-vitepress', 'package-lock.json'],
    settings: { base: PLAIN_BASE },
    build: () => vitepressBuild('test/fixtures/plain-vitepress', PLAIN_DIST, process.env, ['--base', PLAIN_BASE]),
  })
}
