import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleWithEsbuild, bundleWithWebpack } from '../support/bundle'
import type { Bundle } from '../support/bundle'
import { fixtureDir } from '../support/fixtures'

// A CommonJS app that `require`s the parser, bundled for the browser from the packed @rivulet/core
// as installed in the lower-bounds fixture (beside RxJS, so a bundle that wanted it would find
// it). The package's `browser` condition gives a page the build without Node's decoder path.
const app = fixtureDir('lower-bounds')

const BUNDLERS = [
  ['esbuild', bundleWithEsbuild],
  ['webpack 5', bundleWithWebpack],
] as const

const rxjsModules = (bundle: Bundle) =>
  bundle.modules.filter((path) => path.includes('node_modules/rxjs/'))
const rivuletModules = (bundle: Bundle) =>
  bundle.modules
    .filter((path) => path.includes('@rivulet/core/'))
    .map((path) => path.slice(path.indexOf('@rivulet/core/')))

describe.each(BUNDLERS)("require('@rivulet/core/parser') bundled with %s", (name, bundle) => {
  it('pulls in the parser entry and no RxJS', async () => {
    const parserOnly = await bundle(app, 'bundles/parser-only.cjs')
    console.log(
      `integrations: ${name}, parser-only CJS: ${parserOnly.min} B min, ${parserOnly.gzip} B gzip`,
    )
    expect(rivuletModules(parserOnly)).toEqual(['@rivulet/core/dist/browser/parser.cjs'])
    expect(rxjsModules(parserOnly)).toEqual([])
  })

  it("sees RxJS where it is bundled: require('@rivulet/core')", async () => {
    const wholeCore = await bundle(app, 'bundles/whole-core.cjs')
    console.log(
      `integrations: ${name}, whole-core CJS: ${wholeCore.min} B min, ${wholeCore.gzip} B gzip`,
    )
    expect(rivuletModules(wholeCore)).toEqual(['@rivulet/core/dist/browser/index.cjs'])
    expect(rxjsModules(wholeCore).length).toBeGreaterThan(0)
  })
})

describe('the builds of @rivulet/core, as installed', () => {
  const resolve = createRequire(join(app, 'package.json')).resolve
  const read = (path: string) => readFile(path, 'utf8')

  it("gives Node's require the main build, whose decoder copies ASCII with Buffer", async () => {
    const parser = resolve('@rivulet/core/parser')
    expect(parser.endsWith('/@rivulet/core/dist/parser.cjs')).toBe(true)
    expect(await read(parser)).toContain('latin1Slice')
  })

  it('gives pages a build without that path, in both module formats', async () => {
    const browser = join(dirname(dirname(resolve('@rivulet/core/parser'))), 'dist/browser')
    for (const file of ['parser.js', 'parser.cjs', 'index.cjs'])
      expect(await read(join(browser, file))).not.toContain('latin1Slice')
  })
})
