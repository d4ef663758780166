// Builds the real site once for every test in the `site` project, with the
// non-root base GitHub Pages uses. A failed build fails the run.
import { execFileSync } from 'node:child_process'
import { ROOT, TEST_BASE, TEST_DIST } from '../support/paths'

export default function setup(): void {
  if (process.env.SITE_TEST_REUSE_BUILD === '1') {
    console.log(`[site] SITE_TEST_REUSE_BUILD=1: reusing ${TEST_DIST}`)
    return
  }
  const started = Date.now()
  execFileSync('npx', ['vitepress', 'build', 'docs', '--outDir', TEST_DIST], {
    cwd: ROOT,
    env: { ...process.env, DOCS_BASE: TEST_BASE },
    stdio: 'inherit',
  })
  console.log(`[site] built with base ${TEST_BASE} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
