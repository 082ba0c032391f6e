// createStockServer: the reference stock-quote SSE server on Node's own http module.
// Routes: GET /stocks (the stream), OPTIONS * (CORS preflight), /control/* (outages on a button).

import { createServer } from 'node:http'
import { hostname } from 'node:os'
import type { AddressInfo } from 'node:net'
import type { Backend } from './backend'
import { ArmedFaults } from './control/armed-faults'
import { CONTROL_PATHS, serveControl } from './control/routes'
import { corsHeaders, DEFAULT_ALLOWED_ORIGINS, preflightHeaders } from './cors'
import { hasFaults, parseFaults } from './faults'
import { readResumePoint } from './last-event-id'
import type { EventLog } from './log/types'
import { createMemoryBackend } from './memory/memory-backend'
import type { MemoryBackend } from './memory/memory-backend'
import type { Quote, QuoteGeneratorOptions } from './quotes'
import { createRedisBackend } from './redis/redis-backend'
import type { RedisOptions } from './redis/redis-backend'
import { serveStream } from './stream'
import type { StreamHandle } from './stream'

export interface StockServerOptions {
  /** Milliseconds between quotes (the ASP.NET original: 2000). 0: only `tick()` publishes. */
  readonly intervalMs?: number
  /** Milliseconds between `: heartbeat` comments. 0 turns them off. */
  readonly heartbeatMs?: number
  /** The `retry:` value sent on connect, in milliseconds. */
  readonly retryMs?: number
  /** How many recent quotes are kept for Last-Event-ID replay (in Redis: the MAXLEN ~). */
  readonly bufferSize?: number
  /** Origins allowed by CORS; '*' allows any (without credentials). */
  readonly allowedOrigins?: readonly string[]
  /** Seed, random source, clock and opening prices of the quote generator. */
  readonly quotes?: QuoteGeneratorOptions
  /** In memory: journal the feed to this file, so a restarted process keeps its ids. */
  readonly stateFile?: string
  /** Keep the feed in Redis Streams instead of memory, shared by every instance. */
  readonly redis?: RedisOptions
  /** This instance's name, in logs, `GET /control` and the `X-Rivulet-Instance` header. */
  readonly instance?: string
  /** Enables /control/* (default true). */
  readonly control?: boolean
  /** A client with more than this many bytes queued is cut off (it can resume by id). */
  readonly maxBufferedBytes?: number
  /** How long close() lets streams finish before it cuts the remaining sockets. */
  readonly shutdownGraceMs?: number
  /** Receives one line per connection opened and closed, and per backend change. */
  readonly log?: (line: string) => void
}

export interface StockServer {
  /** Starts the feed and listens; port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>
  /** Ends every stream, stops the feed, closes the server and releases the backend. */
  close(): Promise<void>
  /**
   * Closes gracefully (streams end, the port refuses connections), waits `downMs`, then
   * listens again on the same address with the same ids. What `POST /control/restart` does.
   */
  restart(downMs: number): Promise<void>
  /** Publishes the next quote now (what the interval timer does). In memory only. */
  tick(): Quote
  /** Publishes the next quote now if this instance is the producer; resolves with it. */
  publish(): Promise<Quote | undefined>
  readonly log: EventLog
  readonly instance: string
  /** Whether this instance publishes the quotes (in memory always; in Redis if elected). */
  readonly isProducer: boolean
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

let instancesInProcess = 0

export function createStockServer(options: StockServerOptions = {}): StockServer {
  instancesInProcess++
  const instance =
    options.instance ??
    `${hostname()}-${process.pid}${instancesInProcess > 1 ? `-${instancesInProcess}` : ''}`
  const logLine = options.log ?? (() => {})
  const common = {
    intervalMs: options.intervalMs ?? DEFAULTS.intervalMs,
    heartbeatMs: options.heartbeatMs ?? DEFAULTS.heartbeatMs,
    bufferSize: options.bufferSize ?? DEFAULTS.bufferSize,
    quotes: options.quotes,
  }
  let memory: MemoryBackend | undefined
  let backend: Backend
  if (options.redis === undefined) {
    memory = createMemoryBackend({ ...common, stateFile: options.stateFile })
    backend = memory
  } else {
    if (options.stateFile !== undefined) {
      throw new Error('stateFile is for the in-memory backend; Redis keeps the feed itself')
    }
    backend = createRedisBackend({ ...common, redis: options.redis, instance, logLine })
  }

  const allowed = options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS
  const armed = new ArmedFaults()
  const open = new Set<StreamHandle>()
  const instanceHeader = { 'X-Rivulet-Instance': instance }
  let nextConnectionId = 1
  let address: { port: number; host: string } | undefined
  let phase: 'new' | 'up' | 'down' | 'closed' = 'new'
  const isClosed = () => phase === 'closed'
  let restartTimer: { timer: ReturnType<typeof setTimeout>; wake: () => void } | undefined

  const server = createServer({ noDelay: true }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const cors = { ...corsHeaders(req.headers.origin, allowed), ...instanceHeader }

    if (req.method === 'OPTIONS') {
      const headers = preflightHeaders(req.headers.origin, allowed)
      res.writeHead(headers === undefined ? 403 : 204, headers ?? cors)
      return res.end()
    }
    if (CONTROL_PATHS.has(url.pathname) && options.control !== false) {
      return serveControl(req, res, url, control, cors)
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
    if (!backend.log.available) {
      // Another instance may have its connection; a client behind a balancer tries again there.
      res.writeHead(503, { ...cors, 'Retry-After': '1', 'Content-Type': 'text/plain' })
      return res.end('the event log is unavailable on this instance; try again\n')
    }
    serveStream(req, res, {
      log: backend.log,
      connectionId: nextConnectionId++,
      resume: readResumePoint(req.headers['last-event-id'], url.searchParams),
      // A request's own parameters win, so tests that name a fault get exactly that one.
      faults: hasFaults(parsed.faults) ? parsed.faults : armed.take(),
      cors,
      retryMs: options.retryMs ?? DEFAULTS.retryMs,
      maxBufferedBytes: options.maxBufferedBytes ?? DEFAULTS.maxBufferedBytes,
      logLine,
      register: (handle) => {
        open.add(handle)
        return () => open.delete(handle)
      },
    })
  })

  const listenOn = (port: number, host: string) =>
    new Promise<AddressInfo>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve(server.address() as AddressInfo)
      })
    })

  const up = async (port: number, host: string): Promise<AddressInfo> => {
    await backend.start()
    try {
      const bound = await listenOn(port, host)
      phase = 'up'
      return bound
    } catch (error) {
      await backend.stop()
      throw error
    }
  }

  const down = async (): Promise<void> => {
    phase = 'down'
    await backend.stop()
    for (const stream of [...open]) stream.end()
    if (!server.listening) return
    await new Promise<void>((resolve, reject) => {
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
  }

  const restart = async (downMs: number): Promise<void> => {
    if (phase !== 'up' || address === undefined) return
    const { port, host } = address
    logLine(`restart: down for ${downMs} ms`)
    await down()
    await new Promise<void>((wake) => {
      restartTimer = { timer: setTimeout(wake, downMs), wake }
    })
    restartTimer = undefined
    if (isClosed()) return
    await up(port, host)
    logLine(`restart: listening again on port ${port}`)
  }

  const control = {
    armed,
    streams: () => [...open],
    status: () => ({
      instance,
      connections: open.size,
      ...backend.status(),
      faults: armed.toJSON(),
    }),
    restart: (downMs: number) => {
      restart(downMs).catch((error: unknown) => logLine(`restart failed: ${String(error)}`))
    },
  }

  return {
    instance,
    get log() {
      return backend.log
    },
    get isProducer() {
      return backend.isProducer
    },
    get connectionCount() {
      return open.size
    },
    tick() {
      if (memory === undefined)
        throw new Error('tick() is for the in-memory backend; use publish()')
      return memory.tick()
    },
    publish: () => backend.publish(),
    async listen(port = 0, host = '127.0.0.1') {
      const bound = await up(port, host)
      address = { port: bound.port, host }
      const shownHost = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address
      return { url: `http://${shownHost}:${bound.port}`, port: bound.port }
    },
    restart,
    async close() {
      const wasDown = phase === 'down'
      phase = 'closed'
      if (restartTimer !== undefined) {
        clearTimeout(restartTimer.timer)
        restartTimer.wake()
      }
      if (!wasDown) await down()
      phase = 'closed'
      await backend.dispose()
    },
  }
}
