import { describe, expect, it } from 'vitest'
import { bundleWithEsbuild, bundleWithWebpack } from '../support/bundle'
import type { Bundle } from '../support/bundle'
import { fixtureDir } from '../support/fixtures'

// A CommonJS app that `require`s the parser, bundled from the packed @rivulet/core as installed
// in the lower-bounds fixture (beside RxJS, so a bundle that wanted it would find it).
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
    expect(rivuletModules(parserOnly)).toEqual(['@rivulet/core/dist/parser.cjs'])
    expect(rxjsModules(parserOnly)).toEqual([])
  })

  it("sees RxJS where it is bundled: require('@rivulet/core')", async () => {
    const wholeCore = await bundle(app, 'bundles/whole-core.cjs')
    console.log(
      `integrations: ${name}, whole-core CJS: ${wholeCore.min} B min, ${wholeCore.gzip} B gzip`,
    )
    expect(rivuletModules(wholeCore)).toEqual(['@rivulet/core/dist/index.cjs'])
    expect(rxjsModules(wholeCore).length).toBeGreaterThan(0)
  })
})
