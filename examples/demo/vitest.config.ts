import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'example-demo',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The runner starts real servers, Vite and Chromium: one file at a time on a shared machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
