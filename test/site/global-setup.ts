// Work shared by every file of the `site` project, done once per run:
// - the real site, built with the non-root base GitHub Pages uses, and the
//   plain VitePress baseline; each rebuilt only when its sources changed
//   (support/site-build.ts). A failed build fails the run;
// - one Chromium, which every test file connects to (support/built-site.ts),
//   instead of one launch per file;
// - the static servers for both builds, on 127.0.0.1.
import type { TestProject } from 'vitest/node'
import { launchChromiumServer } from '../support/browser'
import { TEST_BASE, TEST_DIST } from '../support/paths'
import { buildPlainSite, buildTestSite, PLAIN_BASE, PLAIN_DIST } from '../support/site-build'
import { serveStatic, type StaticServer } from '../support/static-server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Playwright endpoint of the shared Chromium; '' when the browser tests skip. */
    chromiumEndpoint: string
    /** Origins (no trailing slash) serving TEST_DIST under TEST_BASE and PLAIN_DIST under PLAIN_BASE. */
    siteOrigin: string
    plainOrigin: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.SITE_TEST_REUSE_BUILD === '1') console.log(`[site] SITE_TEST_REUSE_BUILD=1: reusing ${TEST_DIST} as it is`)
  else buildTestSite()
  buildPlainSite()

  const servers: StaticServer[] = [await serveStatic(TEST_DIST, TEST_BASE), await serveStatic(PLAIN_DIST, PLAIN_BASE)]
  const [site, plain] = servers.map((s) => s.url.replace(/\/+$/, ''))
  project.provide('siteOrigin', site!)
  project.provide('plainOrigin', plain!)

  // Outside CI without Chromium the browser suites skip (with a loud line);
  // under CI=true a missing Chromium fails the run.
  const chromiumServer = await launchChromiumServer()
  project.provide('chromiumEndpoint', chromiumServer?.wsEndpoint() ?? '')

  return async () => {
    await chromiumServer?.close()
    for (const s of servers) await s.close()
  }
}
