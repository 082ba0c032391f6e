import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'example-shared',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
})
