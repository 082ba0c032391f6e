import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  // No source maps: they would point at src/, which is not published. The output is unminified
  // and names each module's source file in a comment, so a stack trace into dist/ reads as is.
  sourcemap: false,
  clean: true,
  target: 'es2022',
  // Marks every hook as client-only for React Server Components (Next.js App Router): a server
  // component that calls one then fails with an error naming the hook, not a minified TypeError.
  // A banner, not a line in src: esbuild keeps a directive only at the top of an entry file and
  // drops it from every module it bundles in, so the output says "use client" whatever the entry
  // looks like. test/directive.test.ts reads dist to prove it.
  banner: { js: '"use client";' },
})
