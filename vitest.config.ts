import { defineConfig } from 'vitest/config';

// Four projects: unit (pure functions, schemas), site (the built dist/),
// e2e (Chromium against dist/ served on 127.0.0.1), and dev (Chromium against
// `astro dev`). `npm test` builds first. dev is a group of its own
// (sequence.groupOrder 1), so no other test file runs beside it: a dev server
// compiles every module on its first request, which on a busy two-core CI
// machine once took over two minutes.
// One id per run, for what test files share within a run (tests/helpers/build.ts: the sub-path build).
const runId = `${process.pid}-${Date.now()}`;

export default defineConfig({
  test: {
    provide: { runId },
    // Two test files at a time, also on two cores: browser tests wait on Chromium and builds on their own process.
    maxWorkers: 2,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    // Coverage of the site's TypeScript (npm test runs every project with it; npm run test:coverage the unit tests
    // alone). The thresholds sit just under what the unit tests alone reach, so a change that drops tests fails.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { statements: 70, branches: 68, functions: 75, lines: 70 },
    },
    projects: [
      // Unit tests share the two cores with builds and Chromium: a validation that takes 0.3 s alone took over 5 s under load.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'dev',
          include: ['tests/dev/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
