import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createStockServer } from '@rivulet/example-server'
import type { Quote, StockServerOptions } from '@rivulet/example-server'
import type { Browser, Page } from 'playwright-core'
import { createServer as createViteServer } from 'vite'
import type { ViteDevServer } from 'vite'
import { launchChromium } from './chromium'

/** The app in Chromium, served by Vite, reading a stock server that only quotes on `tick()`. */
export interface Stack {
  readonly page: Page
  /** Publishes the next quote to every connected client. */
  tick(): Quote
  /** Stops the stock server (the page then reconnects, in vain). */
  stopStocks(): Promise<void>
  /** Starts a fresh stock server at the same address: its ids start over. */
  restartStocks(): Promise<void>
  /** Collected uncaught page errors: a healthy app has none. */
  readonly pageErrors: string[]
  close(): Promise<void>
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve(`http://127.0.0.1:${port}`)
    })
  })
}

/**
 * Vite runs as middleware of an HTTP server we listen on first, so the app's origin is known
 * before the stock server starts and its CORS can allow exactly that origin.
 */
export async function startStack(root: string): Promise<Stack> {
  const closers: (() => Promise<unknown>)[] = []
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => {})
    closers.length = 0
  }
  try {
    const http = createServer()
    const origin = await listen(http)
    closers.push(() => new Promise((resolve) => http.close(resolve)))

    const options: StockServerOptions = {
      intervalMs: 0, // quotes only on tick(): the test knows every quote the page should show
      heartbeatMs: 0,
      retryMs: 200,
      shutdownGraceMs: 100,
      allowedOrigins: [origin],
      quotes: { seed: 1 },
    }
    let stocks = createStockServer(options)
    const { url, port } = await stocks.listen(0, '127.0.0.1')
    let stopped: Promise<void> | undefined
    const stopStocks = () => (stopped ??= stocks.close())
    const restartStocks = async () => {
      await stopStocks()
      stocks = createStockServer(options)
      stopped = undefined
      await stocks.listen(port, '127.0.0.1')
    }
    closers.push(() => stopStocks())

    const vite: ViteDevServer = await createViteServer({
      root,
      logLevel: 'warn',
      // Vite's client socket on this test's own server: its default port (24678) is one for the
      // whole machine, which test files running side by side would fight over.
      server: { middlewareMode: true, hmr: { server: http } },
      define: { 'import.meta.env.VITE_STOCKS_URL': JSON.stringify(`${url}/stocks`) },
    })
    closers.push(() => vite.close())
    http.on('request', vite.middlewares)

    const browser: Browser = await launchChromium()
    closers.push(() => browser.close())
    const page = await browser.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(origin, { timeout: 30_000 })

    return { page, pageErrors, close, stopStocks, restartStocks, tick: () => stocks.tick() }
  } catch (error) {
    await close()
    throw error
  }
}
