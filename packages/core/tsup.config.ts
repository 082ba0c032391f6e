import { fileURLToPath } from 'node:url'
import { defineConfig } from 'tsup'
import type { Plugin } from 'esbuild'

const common = {
  dts: true,
  // No source maps: they would point at src/, which is not published. The output is unminified
  // and names each module's source file in a comment, so a stack trace into dist/ reads as is.
  sourcemap: false,
  target: 'es2022',
  // Not cleaned here: the two builds run at once into one folder (`build` empties it first).
} as const

/** The browser build takes the decoder without Node's path (utf8-stream-decoder.browser.ts). */
const browserDecoder: Plugin = {
  name: 'browser-decoder',
  setup(build) {
    const path = fileURLToPath(new URL('src/parse/utf8-stream-decoder.browser.ts', import.meta.url))
    build.onResolve({ filter: /\/utf8-stream-decoder$/ }, () => ({ path }))
  },
}

export default defineConfig([
  {
    ...common,
    entry: ['src/index.ts', 'src/parser.ts', 'src/testing.ts', 'src/msw.ts'],
    format: ['esm', 'cjs'],
  },
  {
    // What the package's `browser` condition names, every entry point, so that a page's bundle
    // never mixes the two builds. Its types are the main build's (the API is the same).
    ...common,
    entry: ['src/index.ts', 'src/parser.ts', 'src/testing.ts', 'src/msw.ts'],
    format: ['esm', 'cjs'],
    dts: false,
    outDir: 'dist/browser',
    esbuildPlugins: [browserDecoder],
  },
])
