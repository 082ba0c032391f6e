import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'example-react',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // A real browser against a real dev server and stock server, on a shared machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
