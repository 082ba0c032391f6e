import { defineProject } from 'vitest/config'

// The harness' own logic: statistics, pairing, checks, the server, the floors. Timing is never
// asserted here; the suites measure it.
export default defineProject({
  test: {
    name: 'bench',
    environment: 'node',
    include: ['lib/**/*.test.ts', 'clients/**/*.test.ts', 'layer/**/*.test.ts'],
  },
})
