import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createStockServer } from '@rivulet/example-server'
import type { Quote, StockServer, StockServerOptions } from '@rivulet/example-server'
import type { Browser, Page } from 'playwright-core'
import { createServer as createViteServer } from 'vite'
import type { ViteDevServer } from 'vite'
import { launchChromium } from './chromium'

/** The app in Chromium, served by Vite, reading a stock server that only quotes on `tick()`. */
export interface Stack {
  readonly page: Page
  /** The app's origin, e.g. `http://127.0.0.1:41235`. */
  readonly origin: string
  /** The stock server serving now (a new one after `restartStocks`). */
  readonly stocks: StockServer
  /** Its address, e.g. `http://127.0.0.1:41231` (the same after `restartStocks`). */
  readonly stocksUrl: string
  /** Publishes the next quote to every connected client. */
  tick(): Quote
  /** Stops the stock server (the page then reconnects, in vain). */
  stopStocks(): Promise<void>
  /** Starts a fresh stock server at the same address: a new feed, whose ids start over. */
  restartStocks(): Promise<void>
  /** Collected uncaught page errors: a healthy app has none. */
  readonly pageErrors: string[]
  close(): Promise<void>
}

export interface StackOptions {
  /** Defined as `import.meta.env.VITE_IDLE_TIMEOUT` for the app; unset by default. */
  readonly idleTimeout?: number
  /** The server's heartbeat interval; default 0 (none). Keep it below `idleTimeout`. */
  readonly heartbeatMs?: number
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
export async function startStack(root: string, options: StackOptions = {}): Promise<Stack> {
  const closers: (() => Promise<unknown>)[] = []
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => {})
    closers.length = 0
  }
  try {
    const http = createServer()
    const origin = await listen(http)
    closers.push(() => new Promise((resolve) => http.close(resolve)))

    const serverOptions: StockServerOptions = {
      intervalMs: 0, // quotes only on tick(): the test knows every quote the page should show
      heartbeatMs: options.heartbeatMs ?? 0,
      retryMs: 200,
      shutdownGraceMs: 100,
      allowedOrigins: [origin],
      quotes: { seed: 1 },
    }
    let stocks = createStockServer(serverOptions)
    const { url, port } = await stocks.listen(0, '127.0.0.1')
    let stopped: Promise<void> | undefined
    const stopStocks = () => (stopped ??= stocks.close())
    const restartStocks = async () => {
      await stopStocks()
      stocks = createStockServer(serverOptions)
      stopped = undefined
      await stocks.listen(port, '127.0.0.1')
    }
    closers.push(() => stopStocks())

    const define: Record<string, string> = {
      'import.meta.env.VITE_STOCKS_URL': JSON.stringify(`${url}/stocks`),
    }
    if (options.idleTimeout !== undefined) {
      define['import.meta.env.VITE_IDLE_TIMEOUT'] = JSON.stringify(String(options.idleTimeout))
    }
    const vite: ViteDevServer = await createViteServer({
      root,
      logLevel: 'warn',
      // Vite's client socket on this test's own server: its default port (24678) is one for the
      // whole machine, which test files running side by side would fight over.
      server: { middlewareMode: true, hmr: { server: http } },
      define,
    })
    closers.push(() => vite.close())
    http.on('request', vite.middlewares)

    const browser: Browser = await launchChromium()
    closers.push(() => browser.close())
    // A fixed locale, time zone and size, so texts and screenshots do not depend on the machine.
    // A context of its own, not browser.newPage(): axe opens a second page in it for its report.
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'UTC',
      viewport: { width: 1280, height: 1000 },
      reducedMotion: 'reduce',
    })
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(origin, { timeout: 30_000 })

    return {
      page,
      origin,
      stocksUrl: url,
      get stocks() {
        return stocks
      },
      pageErrors,
      close,
      stopStocks,
      restartStocks,
      tick: () => stocks.tick(),
    }
  } catch (error) {
    await close()
    throw error
  }
}
