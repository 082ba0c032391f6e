import { defineConfig } from 'tsup'
import type { Options } from 'tsup'
import { browserDecoder } from './build/browser-decoder.mjs'

const common = {
  entry: ['src/index.ts', 'src/parser.ts', 'src/testing.ts', 'src/msw.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  // No source maps: they would point at src/, which is not published. The output is unminified
  // and names each module's source file in a comment, so a stack trace into dist/ reads as is.
  sourcemap: false,
  target: 'es2022',
  // Not cleaned here: the two builds run at once into one folder (`build` empties it first).
} satisfies Options

export default defineConfig([
  common,
  {
    // What the package's `browser` condition names, every entry point, so that a page's bundle
    // never mixes the two builds. Its types are the main build's (the API is the same).
    ...common,
    dts: false,
    outDir: 'dist/browser',
    esbuildPlugins: [browserDecoder],
  },
])
