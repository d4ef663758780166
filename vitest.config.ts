import { defineConfig } from 'vitest/config'
import { packedFlame } from './docs/.vitepress/plugins/packed-flame'

// `unit` needs nothing built; `examples` runs the code samples of docs/;
// `site` builds the real site once
// (with a non-root base, as GitHub Pages serves it) and tests the output.
// `npm test` (scripts/test/run.ts) runs the projects one after another.
export default defineConfig({
  // The same `*.folded?packed` imports as the site build (FlameGraph.vue).
  plugins: [packedFlame()],
  test: {
    // Two test files at a time in the `site` project (below); the other
    // projects run their files one after another in one process.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'docs/.vitepress/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        extends: true,
        test: {
          // Code samples from docs/ run against real LuaJIT and nginx.
          name: 'examples',
          include: ['test/examples/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // nginx servers and LuaJIT runs: one file at a time.
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          // Builds the site (only when its sources changed), serves it and starts
          // one Chromium for every file; files connect through useBuiltSite().
          globalSetup: ['test/site/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Tests marked concurrent (the axe audits) run two at a time, and
          // two files run side by side (the root's maxWorkers): a file often
          // waits on one renderer (an axe run, printing the book), which
          // leaves a core idle.
          maxConcurrency: 2,
        },
      },
    ],
  },
})
