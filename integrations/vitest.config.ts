import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'integrations',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Packs the packages and installs every fixture once per run, before any file.
    globalSetup: ['test/global-setup.ts'],
    // Each file builds a framework app and drives Chromium: one at a time on a shared machine,
    // with limits that bound a hung build. No test asserts how long anything takes.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
})
