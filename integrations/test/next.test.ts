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

const app = fixtureDir('next')
const next = join(app, 'node_modules', '.bin', 'next')

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
  const env = { STOCKS_URL: stocks.url, NEXT_TELEMETRY_DISABLED: '1' }
  const build = await runOrThrow(next, ['build'], { cwd: app, env, timeoutMs: 600_000 })
  console.log(`integrations: next build in ${build.seconds.toFixed(1)} s`)
  openedDuringBuild = stocks.opened()
  server = await serve(next, ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: app,
    env,
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

describe('a Next.js App Router app on the packed @rivulet/react', () => {
  it('prerenders the ticker idle at build time without connecting to the stock server', async () => {
    expect(openedDuringBuild).toBe(0)
    const html = await (await fetch(`${origin}/prerendered`)).text()
    expect(html).toContain(IDLE_TICKER)
    expect(stocks.opened()).toBe(0)
  })

  it('server-renders the ticker idle on each request without connecting', async () => {
    const response = await fetch(origin)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain(IDLE_TICKER)
    expect(stocks.opened()).toBe(0)
  })

  for (const route of ['/', '/prerendered']) {
    it(`opens one connection after hydrating ${route} and shows live quotes, with no console warnings`, async () => {
      expectHealthyVisit(await visitLive(browser, origin + route, stocks))
      expect(await untilNoStreamOpen(stocks)).toBe(0)
    })
  }

  it('names the hook when a server component calls it, thanks to the "use client" directive', async () => {
    const before = stocks.opened()
    const response = await fetch(`${origin}/misuse`)
    expect(response.status).toBe(500)
    expect(server.output()).toContain(
      'Attempted to call useCreateEventStream() from the server but useCreateEventStream is on the client.',
    )
    expect(stocks.opened()).toBe(before)
  })
})
