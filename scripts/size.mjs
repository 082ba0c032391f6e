#!/usr/bin/env node
// Bundle size of each public entry point as an app would ship it: esbuild, minified, ESM,
// peers (rxjs, react, vue) external, then gzip -9. Prints a table; `--json` prints JSON;
// `--modules` prints where the bytes of `createEventStream` come from, by source file.
// Budgets live in test-support/size-budgets.ts beside the test that enforces them.
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { browserDecoder } from '../packages/core/build/browser-decoder.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

/** What an app imports, as the code esbuild bundles. */
export const entries = [
  { name: '@rivulet/core (everything)', code: "export * from '@rivulet/core'" },
  { name: 'createEventStream', code: "export { createEventStream } from '@rivulet/core'" },
  // Each feature an app names, on top of createEventStream: what naming it costs.
  ...[
    ['eventSourceTransport', 'transport: eventSourceTransport()'],
    ['pageLifecycle', 'lifecycle: pageLifecycle()'],
    ['inStorage', "persist: inStorage('session')"],
    ['acrossTabs', 'share: acrossTabs()'],
  ].map(([feature, option]) => ({
    name: `createEventStream + ${option}`,
    code: `export { createEventStream, ${feature} } from '@rivulet/core'`,
  })),
  {
    name: '@rivulet/core/parser createParser',
    code: "export { createParser } from '@rivulet/core/parser'",
  },
  {
    name: '@rivulet/react (everything)',
    code: "export * from '@rivulet/react'",
    dir: 'packages/react',
    external: ['@rivulet/core'],
  },
  {
    name: '@rivulet/vue (everything)',
    code: "export * from '@rivulet/vue'",
    dir: 'packages/vue',
    external: ['@rivulet/core'],
  },
]

/** How an app's bundler builds for the browser: minified ESM, output kept in memory. */
const APP_BUILD = {
  bundle: true,
  write: false,
  minify: true,
  format: 'esm',
  metafile: true,
  // Output names in the metafile are relative to this, whatever directory runs the script.
  absWorkingDir: root,
  platform: 'browser',
  target: 'es2022',
  logLevel: 'silent',
}

/**
 * Builds the entry as an app's bundler would, splitting dynamic imports into chunks of their
 * own. `min`/`gzip`: what loads up front (the entry and what it imports statically);
 * `lazyGzip`: the chunks that load only when a feature asks for them (none today).
 */
export async function measure(entry) {
  const result = await build({
    stdin: {
      contents: entry.code,
      resolveDir: root + (entry.dir ?? 'packages/core'),
      loader: 'js',
    },
    ...APP_BUILD,
    splitting: true,
    outdir: root + '.size-out',
    external: ['rxjs', 'react', 'vue', ...(entry.external ?? [])],
  })
  const outputs = result.metafile.outputs
  const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]))
  const key = (path) => Object.keys(outputs).find((name) => path.endsWith(name))
  const entryName = Object.keys(outputs).find((name) => outputs[name].entryPoint !== undefined)
  // The entry and its static imports, followed through the chunks.
  const upFront = new Set()
  const visit = (name) => {
    if (upFront.has(name)) return
    upFront.add(name)
    for (const use of outputs[name].imports)
      if (use.kind === 'import-statement' && !use.external && outputs[use.path]) visit(use.path)
  }
  visit(entryName)
  let min = 0
  let gzip = 0
  let lazyGzip = 0
  for (const [path, bytes] of files) {
    const name = key(path)
    if (name === undefined || !name.endsWith('.js')) continue
    const zipped = gzipSync(bytes, { level: 9 }).length
    if (upFront.has(name)) {
      min += bytes.length
      gzip += zipped
    } else lazyGzip += zipped
  }
  // A bundle that came out empty was not measured: no figure at all beats a false 0 B.
  if (gzip === 0) throw new Error(`${entry.name}: no output measured`)
  return { name: entry.name, min, gzip, lazyGzip }
}

/**
 * `createEventStream` bundled from core's sources as the browser build has them, and the minified
 * bytes each source file puts in it (gzip compresses the whole, so it has no share per file).
 */
async function modules() {
  const core = root + 'packages/core/src/'
  const result = await build({
    stdin: {
      contents: `export { createEventStream } from '${core}index.ts'`,
      resolveDir: root,
      loader: 'js',
    },
    ...APP_BUILD,
    external: ['rxjs'],
    plugins: [browserDecoder],
  })
  const [output] = Object.values(result.metafile.outputs)
  const rows = Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => [file.replace('packages/core/src/', ''), bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
  for (const [file, bytes] of rows) console.log(`${String(bytes).padStart(7)} B min  ${file}`)
  console.log(`${String(output.bytes).padStart(7)} B min  createEventStream, from the sources`)
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--modules')) {
  await modules()
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = []
  for (const entry of entries) {
    try {
      rows.push(await measure(entry))
    } catch (error) {
      rows.push({ name: entry.name, error: String(error.message ?? error).split('\n')[0] })
    }
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2))
  else
    for (const r of rows)
      console.log(
        r.error
          ? `${r.name}: ${r.error}`
          : `${r.name.padEnd(56)} ${String(r.min).padStart(7)} B min  ${String(r.gzip).padStart(6)} B min+gzip` +
              (r.lazyGzip ? `  (+${r.lazyGzip} B min+gzip loaded on demand)` : ''),
      )
}
