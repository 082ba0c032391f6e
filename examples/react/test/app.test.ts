import { mkdtemp, rm } from 'node:fs/promises'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createStockServer, DEFAULT_PRICES } from '@rivulet/example-server'
import type { StockServer } from '@rivulet/example-server'
import type { Browser, Page } from 'playwright-core'
import { createServer } from 'vite'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../../test-support/chromium'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const SYMBOLS = Object.keys(DEFAULT_PRICES)
/** The bound on every wait in the browser. */
const WAIT = { timeout: 20_000 }

let stocks: StockServer | undefined
let stocksPort = 0
let vite: ViteDevServer | undefined
let cacheDir = ''
let browser: Browser | undefined
let page: Page

/** A port nothing listens on now, so the app's origin is known before Vite starts. */
async function freePort(): Promise<number> {
  const probe = createNetServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

async function startStocks(origin: string, port: number): Promise<void> {
  stocks = createStockServer({
    intervalMs: 100,
    heartbeatMs: 0,
    retryMs: 200,
    shutdownGraceMs: 200,
    allowedOrigins: [origin],
    quotes: { seed: 1 },
  })
  stocksPort = (await stocks.listen(port, '127.0.0.1')).port
}

const badge = () => page.getByRole('status', { name: 'Connection' })
const caption = () => page.locator('caption').innerText()

/** Waits until the caption names a quote newer than `after`, and returns its number. */
async function quoteAfter(after: number): Promise<number> {
  await page.waitForFunction(
    (previous) => {
      const match = /quote #(\d+)/.exec(document.querySelector('caption')?.textContent ?? '')
      return match !== null && Number(match[1]) > previous
    },
    after,
    WAIT,
  )
  return Number(/quote #(\d+)/.exec(await caption())?.[1])
}

beforeAll(async () => {
  const appPort = await freePort()
  const appOrigin = `http://127.0.0.1:${appPort}`
  await startStocks(appOrigin, 0)
  cacheDir = await mkdtemp(join(tmpdir(), 'rivulet-example-react-'))
  vite = await createServer({
    root,
    configFile: join(root, 'vite.config.ts'),
    cacheDir,
    logLevel: 'error',
    define: {
      'import.meta.env.VITE_STOCKS_URL': JSON.stringify(`http://127.0.0.1:${stocksPort}/stocks`),
    },
    server: { host: '127.0.0.1', port: appPort, strictPort: true },
  })
  await vite.listen()
  browser = await launchChromium()
  page = await browser.newPage()
  await page.goto(appOrigin, WAIT)
})

afterAll(async () => {
  await browser?.close()
  await vite?.close()
  await stocks?.close()
  if (cacheDir !== '') await rm(cacheDir, { recursive: true, force: true })
})

describe('the React stock ticker', () => {
  it('shows live quotes over one connection with an open badge', async () => {
    await page.locator('.badge[data-state="open"]').waitFor(WAIT)
    expect(await badge().innerText()).toBe('Open')
    const first = await quoteAfter(0)
    const later = await quoteAfter(first + 2)
    expect(later).toBeGreaterThan(first + 2)
    // The table itself moves: some row's price, change or time differs a few quotes later.
    const table = await page.locator('tbody').innerText()
    await page.waitForFunction(
      (before) => document.querySelector('tbody')?.textContent !== before,
      await page.locator('tbody').evaluate((body) => body.textContent),
      WAIT,
    )
    expect(await page.locator('tbody').innerText()).not.toBe(table)

    const symbols = await page.locator('tbody th').allInnerTexts()
    expect(symbols.length).toBeGreaterThan(0)
    expect(symbols).toEqual([...symbols].sort())
    expect(symbols.every((symbol) => SYMBOLS.includes(symbol))).toBe(true)
    const price = await page.locator('tbody td.price').first().innerText()
    expect(price).toMatch(/^\$[\d,]+\.\d\d$/)
    const change = await page.locator('tbody td.change').allInnerTexts()
    expect(
      change.every((text) => /^(—|▲ \+\d[\d,]*\.\d\d|▼ -\d[\d,]*\.\d\d| 0\.00)$/.test(text)),
    ).toBe(true)
    // StrictMode mounted the app twice; the stream kept a single connection.
    await expect.poll(() => stocks?.connectionCount, WAIT).toBe(1)
  })

  it('shows reconnecting while the server is down, then recovers when it returns', async () => {
    const before = await quoteAfter(0)
    const origin = new URL(page.url()).origin
    await stocks?.close()
    // One wait for state and text together: the badge moves on to connecting within 0.2 s.
    const reconnecting = /^Reconnecting · attempt \d+ in \d+\.\d s$/
    await page
      .locator('.badge[data-state="reconnecting"]')
      .filter({ hasText: reconnecting })
      .waitFor(WAIT)
    // The next attempt finds no server: a network error, shown while it lasts.
    await page.locator('[role="alert"][data-kind="network"]').waitFor(WAIT)
    expect(await page.getByRole('alert').innerText()).toMatch(/^Error: network error: /)

    await startStocks(origin, stocksPort)
    await page.locator('.badge[data-state="open"]').waitFor(WAIT)
    // The new server numbers its quotes from 1 again.
    await page.waitForFunction(
      (previous) => {
        const match = /quote #(\d+)/.exec(document.querySelector('caption')?.textContent ?? '')
        return match !== null && Number(match[1]) < previous
      },
      before,
      WAIT,
    )
    expect(await page.getByRole('alert').innerText()).toMatch(/^Recovered from: network error: /)
  })
})
