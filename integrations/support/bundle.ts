import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import webpack from 'webpack'

/** What a bundler made of one entry: the modules it pulled in, and the output's size. */
export interface Bundle {
  /** Paths of the bundled modules, relative to the app. */
  readonly modules: string[]
  readonly min: number
  readonly gzip: number
}

const sizes = (bytes: Uint8Array) => ({
  min: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
})

/** esbuild as an app's build runs it: bundled, minified, for the browser, CommonJS kept. */
export async function bundleWithEsbuild(app: string, entry: string): Promise<Bundle> {
  const result = await build({
    absWorkingDir: app,
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
  })
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array()
  return { modules: Object.keys(result.metafile.inputs), ...sizes(bytes) }
}

/** webpack 5 in production mode for the browser: its own minifier and tree shaking. */
export async function bundleWithWebpack(app: string, entry: string): Promise<Bundle> {
  const out = await mkdtemp(join(tmpdir(), 'rivulet-webpack-'))
  try {
    const compiler = webpack({
      mode: 'production',
      target: 'web',
      context: app,
      entry: `./${entry}`,
      output: { path: out, filename: 'bundle.js', library: { type: 'commonjs2' } },
      infrastructureLogging: { level: 'error' },
    })
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      compiler.run((error, result) => {
        compiler.close(() => {})
        if (error) reject(error)
        else if (result === undefined) reject(new Error('webpack returned no stats'))
        else if (result.hasErrors()) reject(new Error(result.toString('errors-only')))
        else resolve(result)
      }),
    )
    const modules = (stats.toJson({ modules: true }).modules ?? [])
      .flatMap((module) => [module, ...(module.modules ?? [])])
      .map((module) => module.nameForCondition ?? module.name ?? '')
      .filter((name) => name !== '')
      .map((name) => (name.startsWith('/') ? relative(app, name) : name))
    return { modules, ...sizes(await readFile(join(out, 'bundle.js'))) }
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}
