import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'example-vue',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Vite, a stock server and Chromium start per file; generous on a loaded machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
