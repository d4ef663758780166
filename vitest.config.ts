import { defineConfig } from 'vitest/config'

// `unit` needs nothing built; `examples` runs the code samples of docs/;
// `site` builds the real site once
// (with a non-root base, as GitHub Pages serves it) and tests the output.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'docs/.vitepress/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
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
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          globalSetup: ['test/site/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Browser and server tests share one machine; keep them predictable.
          fileParallelism: false,
        },
      },
    ],
  },
})
