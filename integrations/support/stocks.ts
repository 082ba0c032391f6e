import { createStockServer } from '@rivulet/example-server'
import type { Quote, StockServer } from '@rivulet/example-server'

/** The reference stock server, quoting only on `tick()`, counting every stream it opens. */
export interface Stocks {
  /** The stream's URL, `http://127.0.0.1:<port>/stocks`. */
  readonly url: string
  /** Streams opened since the server started, open or closed since. */
  opened(): number
  /** Streams open now. */
  open(): number
  tick(): Quote
  close(): Promise<void>
}

export async function startStocks(appOrigin: string): Promise<Stocks> {
  let opened = 0
  const server: StockServer = createStockServer({
    intervalMs: 0, // the test publishes every quote, so it knows what the page should show
    heartbeatMs: 0,
    retryMs: 200,
    shutdownGraceMs: 100,
    allowedOrigins: [appOrigin],
    quotes: { seed: 1 },
    log: (line) => {
      if (line.startsWith('open ')) opened += 1
    },
  })
  const { url } = await server.listen(0, '127.0.0.1')
  return {
    url: `${url}/stocks`,
    opened: () => opened,
    open: () => server.connectionCount,
    tick: () => server.tick(),
    close: () => server.close(),
  }
}
