// Where the test build lives and what base it is built with.
import { fileURLToPath } from 'node:url'
import path from 'node:path'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const DOCS = path.join(ROOT, 'docs')
/** The test build, separate from `npm run docs:build`'s output (SITE_TEST_DIST overrides). */
export const TEST_DIST = process.env.SITE_TEST_DIST
  ? path.resolve(process.env.SITE_TEST_DIST)
  : path.join(ROOT, 'test/.output/site')
/** GitHub Pages serves a project site under /<repo>/; the tests build the same way. */
export const TEST_BASE = '/openresty-notes/'
