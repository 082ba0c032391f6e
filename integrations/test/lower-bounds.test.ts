import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureDir } from '../support/fixtures'
import { run, runOrThrow } from '../support/processes'
import { startStocks } from '../support/stocks'
import type { Stocks } from '../support/stocks'
import { IDLE_TICKER } from '../support/ticker-checks'
import { installedVersion, lowestOf, peerRange, rivuletDiagnostics } from '../support/versions'

const app = fixtureDir('lower-bounds')
const tsc = join(app, 'node_modules', '.bin', 'tsc')

/** One consumer program per way users compile (React and Vue apart, as no app mixes them). */
const CONSUMERS = [
  ['react', 'React 18.0 in JSX, bundler resolution'],
  ['vue', 'Vue 3.3, bundler resolution'],
  ['react-node16', 'React 18.0, node16 resolution, CommonJS and ESM'],
  ['vue-node16', 'Vue 3.3, node16 resolution, CommonJS and ESM'],
  ['node-only', 'core without the DOM lib, node16 resolution, CommonJS and ESM'],
] as const

let stocks: Stocks

beforeAll(async () => {
  stocks = await startStocks('http://127.0.0.1')
})

afterAll(async () => {
  await stocks?.close()
})

describe('the packed packages at the lower bounds of their peer ranges', () => {
  it('are installed with the oldest React, Vue and RxJS the ranges admit, and TypeScript 5.0', () => {
    const installed = {
      react: installedVersion(app, 'react'),
      vue: installedVersion(app, 'vue'),
      rxjs: installedVersion(app, 'rxjs'),
      typescript: installedVersion(app, 'typescript'),
    }
    expect(installed).toEqual({
      react: lowestOf(peerRange(app, '@rivulet/react', 'react')),
      vue: lowestOf(peerRange(app, '@rivulet/vue', 'vue')),
      rxjs: lowestOf(peerRange(app, '@rivulet/core', 'rxjs')),
      typescript: '5.0.4',
    })
    expect(installed).toEqual({ react: '18.0.0', vue: '3.3.0', rxjs: '7.8.0', typescript: '5.0.4' })
  })

  it.each(CONSUMERS)(
    'type-check with TypeScript 5.0 and skipLibCheck off: %s (%s)',
    async (name) => {
      const result = await run(tsc, ['-p', `tsconfig.${name}.json`, '--pretty', 'false'], {
        cwd: app,
        timeoutMs: 120_000,
      })
      expect(rivuletDiagnostics(result.output)).toEqual([])
    },
  )

  it.each([
    ['CommonJS', 'ssr/commonjs.cjs'],
    ['ESM', 'ssr/esm.mjs'],
  ])(
    'server-render idle with React 18.0 and Vue 3.3 through the %s builds, without connecting',
    async (_, script) => {
      const result = await runOrThrow('node', [script], {
        cwd: app,
        env: { STOCKS_URL: stocks.url },
        timeoutMs: 30_000,
      })
      expect(JSON.parse(result.output)).toEqual({ react: IDLE_TICKER, vue: IDLE_TICKER })
      expect(stocks.opened()).toBe(0)
    },
  )
})
