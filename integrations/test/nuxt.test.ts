import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { fixtureDir } from '../support/fixtures'
import { freePort } from '../support/free-port'
import { runOrThrow, serve } from '../support/processes'
import type { Server } from '../support/processes'
import { startStocks } from '../support/stocks'
import type { Stocks } from '../support/stocks'
import {
  IDLE_TICKER,
  expectHealthyVisit,
  untilNoStreamOpen,
  visitLive,
} from '../support/ticker-checks'

const app = fixtureDir('nuxt')
const nuxt = join(app, 'node_modules', '.bin', 'nuxt')

let stocks: Stocks
let origin = ''
let openedDuringBuild = -1
// Assigned in beforeAll; afterAll still guards, in case beforeAll failed half-way.
let server: Server
let browser: Browser

beforeAll(async () => {
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  // Up before the build, so a connection made while prerendering would be counted.
  stocks = await startStocks(origin)
  const env = { NUXT_PUBLIC_STOCKS_URL: stocks.url, NUXT_TELEMETRY_DISABLED: '1' }
  const build = await runOrThrow(nuxt, ['build'], { cwd: app, env, timeoutMs: 600_000 })
  console.log(`integrations: nuxt build in ${build.seconds.toFixed(1)} s`)
  openedDuringBuild = stocks.opened()
  server = await serve('node', ['.output/server/index.mjs'], {
    cwd: app,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    timeoutMs: 60_000,
    readyUrl: `${origin}/prerendered`,
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await stocks?.close()
})

describe('a Nuxt 3 app on the packed @rivulet/vue', () => {
  it('prerenders the ticker idle at build time without connecting to the stock server', async () => {
    expect(openedDuringBuild).toBe(0)
    const html = await (await fetch(`${origin}/prerendered`)).text()
    expect(html).toContain(IDLE_TICKER)
    expect(stocks.opened()).toBe(0)
  })

  it('server-renders the ticker idle on each request without connecting', async () => {
    const response = await fetch(origin)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(IDLE_TICKER)
    // The runtime config the client hydrates with carries the server's URL.
    expect(html).toContain(JSON.stringify(stocks.url))
    expect(stocks.opened()).toBe(0)
  })

  for (const route of ['/', '/prerendered']) {
    it(`opens one connection after hydrating ${route} and shows live quotes, with no console warnings`, async () => {
      expectHealthyVisit(await visitLive(browser, origin + route, stocks))
      expect(await untilNoStreamOpen(stocks)).toBe(0)
    })
  }
})
