import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/parser.ts', 'src/testing.ts', 'src/msw.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  // No source maps: they would point at src/, which is not published. The output is unminified
  // and names each module's source file in a comment, so a stack trace into dist/ reads as is.
  sourcemap: false,
  clean: true,
  target: 'es2022',
})
