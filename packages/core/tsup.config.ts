import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/parser.ts', 'src/testing.ts', 'src/msw.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
})
