// Builds what the `site` tests read, unless a build of the current sources
// exists (test/support/site-build.ts); the `site` project's globalSetup does
// the same, so this is only a way to do it earlier, e.g. beside the type check.
import { buildPlainSite, buildTestSite } from '../../test/support/site-build'

if (process.env.SITE_TEST_REUSE_BUILD !== '1') buildTestSite()
buildPlainSite()
