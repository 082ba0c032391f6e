// The esbuild plugin behind core's browser build: the UTF-8 decoder without Node's path
// (src/parse/utf8-stream-decoder.browser.ts) in place of src/parse/utf8-stream-decoder.ts.
// Used by tsup.config.ts and by scripts/size.mjs --modules.
import { fileURLToPath } from 'node:url'

const path = fileURLToPath(new URL('../src/parse/utf8-stream-decoder.browser.ts', import.meta.url))

/** @type {import('esbuild').Plugin} */
export const browserDecoder = {
  name: 'browser-decoder',
  setup(build) {
    build.onResolve({ filter: /\/utf8-stream-decoder$/ }, () => ({ path }))
  },
}
