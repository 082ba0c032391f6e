// createStockServer: the reference stock-quote SSE server on Node's own http module.
// Routes: GET /stocks (the stream), OPTIONS * (CORS preflight), /control/faults.

import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ArmedFaults, serveControl } from './control'
import { corsHeaders, DEFAULT_ALLOWED_ORIGINS, preflightHeaders } from './cors'
import { hasFaults, parseFaults } from './faults'
import { QuoteFeed } from './feed'
import { readResumePoint } from './last-event-id'
import { createQuoteGenerator } from './quotes'
import type { Quote, QuoteGeneratorOptions } from './quotes'
import { serveStream } from './stream'

export interface StockServerOptions {
  /** Milliseconds between quotes (the ASP.NET original: 2000). 0: only `tick()` publishes. */
  readonly intervalMs?: number
  /** Milliseconds between `: heartbeat` comments. 0 turns them off. */
  readonly heartbeatMs?: number
  /** The `retry:` value sent on connect, in milliseconds. */
  readonly retryMs?: number
  /** How many recent quotes are kept for Last-Event-ID replay. */
  readonly bufferSize?: number
  /** Origins allowed by CORS; '*' allows any (without credentials). */
  readonly allowedOrigins?: readonly string[]
  /** Seed, random source, clock and opening prices of the quote generator. */
  readonly quotes?: QuoteGeneratorOptions
  /** Enables /control/faults (default true). */
  readonly control?: boolean
  /** A client with more than this many bytes queued is cut off (it can resume by id). */
  readonly maxBufferedBytes?: number
  /** How long close() lets streams finish before it cuts the remaining sockets. */
  readonly shutdownGraceMs?: number
  /** Receives one line per connection opened and closed. */
  readonly log?: (line: string) => void
}

export interface StockServer {
  /** Starts the feed and listens; port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>
  /** Ends every stream, stops the feed and closes the server. */
  close(): Promise<void>
  /** Publishes the next quote now (what the interval timer does). */
  tick(): Quote
  readonly feed: QuoteFeed
  /** Streams currently open, including stalled ones. */
  readonly connectionCount: number
}

export const DEFAULTS = {
  intervalMs: 2000,
  heartbeatMs: 15_000,
  retryMs: 1000,
  bufferSize: 1000,
  shutdownGraceMs: 2000,
  maxBufferedBytes: 1 << 20,
} as const

export function createStockServer(options: StockServerOptions = {}): StockServer {
  const feed = new QuoteFeed({
    generate: createQuoteGenerator(options.quotes),
    intervalMs: options.intervalMs ?? DEFAULTS.intervalMs,
    heartbeatMs: options.heartbeatMs ?? DEFAULTS.heartbeatMs,
    bufferSize: options.bufferSize ?? DEFAULTS.bufferSize,
  })
  const allowed = options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS
  const log = options.log ?? (() => {})
  const armed = new ArmedFaults()
  const open = new Set<() => void>()
  let nextConnectionId = 1

  const server = createServer({ noDelay: true }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const cors = corsHeaders(req.headers.origin, allowed)

    if (req.method === 'OPTIONS') {
      const headers = preflightHeaders(req.headers.origin, allowed)
      res.writeHead(headers === undefined ? 403 : 204, headers ?? cors)
      return res.end()
    }
    if (url.pathname === '/control/faults' && options.control !== false) {
      return serveControl(req, res, url.searchParams, armed, cors)
    }
    if (url.pathname !== '/stocks') {
      res.writeHead(404, { ...cors, 'Content-Type': 'text/plain' })
      return res.end('not found: the stream is GET /stocks\n')
    }
    if (req.method !== 'GET') {
      res.writeHead(405, { ...cors, Allow: 'GET, OPTIONS', 'Content-Type': 'text/plain' })
      return res.end('method not allowed: use GET\n')
    }
    const parsed = parseFaults(url.searchParams)
    if (!parsed.ok) {
      res.writeHead(400, { ...cors, 'Content-Type': 'text/plain' })
      return res.end(`bad fault parameter: ${parsed.error}\n`)
    }
    serveStream(req, res, {
      feed,
      connectionId: nextConnectionId++,
      resume: readResumePoint(req.headers['last-event-id'], url.searchParams),
      // A request's own parameters win, so tests that name a fault get exactly that one.
      faults: hasFaults(parsed.faults) ? parsed.faults : armed.take(),
      cors,
      retryMs: options.retryMs ?? DEFAULTS.retryMs,
      maxBufferedBytes: options.maxBufferedBytes ?? DEFAULTS.maxBufferedBytes,
      log,
      track: (end) => {
        open.add(end)
        return () => open.delete(end)
      },
    })
  })

  return {
    feed,
    get connectionCount() {
      return open.size
    },
    tick: () => feed.tick(),
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          feed.start()
          const address = server.address() as AddressInfo
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
          resolve({ url: `http://${shownHost}:${address.port}`, port: address.port })
        })
      })
    },
    close() {
      feed.stop()
      for (const end of [...open]) end()
      if (!server.listening) return Promise.resolve()
      return new Promise((resolve, reject) => {
        // Streams were ended above; this only catches a client that never reads its end.
        const force = setTimeout(
          () => server.closeAllConnections(),
          options.shutdownGraceMs ?? DEFAULTS.shutdownGraceMs,
        )
        server.close((error) => {
          clearTimeout(force)
          if (error) reject(error)
          else resolve()
        })
        server.closeIdleConnections()
      })
    },
  }
}
