import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

export default defineProject({
  // The README's examples import the package by name; they run against the sources.
  resolve: { alias: { '@rivulet/vue': fileURLToPath(new URL('src/index.ts', import.meta.url)) } },
  test: {
    name: 'vue',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
