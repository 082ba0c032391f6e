import { defineConfig } from 'tsup'

// The CLIs as plain JavaScript for `node` (Node 20 cannot run .ts). `redis` and `@rivulet/core`
// stay imports, resolved from node_modules; other packages' tests import the TypeScript source.
export default defineConfig({
  entry: {
    main: 'src/main.ts',
    proxy: 'src/proxy-main.ts',
    load: 'src/load.ts',
    watch: 'src/watch.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
})
