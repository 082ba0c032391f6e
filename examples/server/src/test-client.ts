// Test support: a raw HTTP client for event streams, so tests see exact bytes, headers and
// how a response ended, plus a server fixture that always cleans up after itself.

import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { createStockServer } from './server'
import type { QuoteGeneratorOptions } from './quotes'
import type { StockServer, StockServerOptions } from './server'

export interface OpenStream {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  /** Everything received so far, decoded as UTF-8. */
  text(): string
  /** Resolves with the body once it satisfies the predicate (or contains the string). */
  until(condition: string | ((body: string) => boolean)): Promise<string>
  /** How the response finished: a clean end, or an aborted connection. */
  readonly finished: Promise<'end' | 'aborted'>
  /** Stops reading from the socket, as a stuck client would. */
  pause(): void
  close(): void
}

// Only a guard against a hung test; no test depends on how long anything takes.
const WAIT_LIMIT_MS = 4000

export function openStream(
  url: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false })
    req.on('error', reject)
    req.on('response', (res) => {
      let body = ''
      const waiters = new Set<() => void>()
      const finished = new Promise<'end' | 'aborted'>((settle) => {
        res.on('end', () => settle('end'))
        res.on('aborted', () => settle('aborted'))
        // 'error' follows 'aborted' on a destroyed socket; it is the same event for us.
        res.on('error', () => settle('aborted'))
        res.on('close', () => settle(res.complete ? 'end' : 'aborted'))
      })
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
        for (const wake of waiters) wake()
      })
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: () => body,
        finished,
        close: () => req.destroy(),
        pause: () => res.pause(),
        until(condition) {
          const done =
            typeof condition === 'string' ? (b: string) => b.includes(condition) : condition
          return new Promise((settle, fail) => {
            const check = (): void => {
              if (!done(body)) return
              cleanup()
              settle(body)
            }
            const timer = setTimeout(() => {
              cleanup()
              fail(new Error(`condition not met; received so far:\n${body}`))
            }, WAIT_LIMIT_MS)
            const cleanup = (): void => {
              clearTimeout(timer)
              waiters.delete(check)
            }
            waiters.add(check)
            void finished.then(() => {
              if (!done(body)) {
                cleanup()
                fail(new Error(`stream finished first; received:\n${body}`))
              }
            })
            check()
          })
        },
      })
    })
    req.end()
  })
}

/** A plain request that reads the whole (finite) response. */
export async function fetchText(
  url: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const stream = await openStream(url, init)
  await stream.finished
  return { status: stream.status, headers: stream.headers, body: stream.text() }
}

/**
 * Starts a server on an ephemeral loopback port with manual ticks (no timers) and no
 * heartbeat unless asked; `stop` closes it and every stream the test opened.
 */
export async function startTestServer(options: StockServerOptions = {}) {
  const server: StockServer = createStockServer({ intervalMs: 0, heartbeatMs: 0, ...options })
  const { url } = await server.listen(0, '127.0.0.1')
  const streams: OpenStream[] = []
  return {
    server,
    url,
    async open(path: string, init?: { method?: string; headers?: Record<string, string> }) {
      const stream = await openStream(`${url}${path}`, init)
      streams.push(stream)
      return stream
    },
    async stop() {
      for (const stream of streams) stream.close()
      await server.close()
    },
  }
}

/** A random source that replays the given values in a loop, for exact quotes. */
export function scripted(...values: number[]): () => number {
  let index = 0
  return () => values[index++ % values.length] ?? 0
}

/** A frozen clock: every quote carries this timestamp. */
export const FIXED_NOW = Date.UTC(2025, 0, 2, 3, 4, 5, 678)
export const FIXED_ISO = '2025-01-02T03:04:05.678Z'

/**
 * Fresh quote options under which every quote is MSFT, up 0.5 % in whole cents each time:
 * 100.5, 101, 101.51, 102.02, 102.53, 103.04.
 */
export function msftRising(): QuoteGeneratorOptions {
  return { random: scripted(0, 0.75), now: () => FIXED_NOW, prices: { MSFT: 100 } }
}

/** The exact bytes of quote `id` at `price` under MSFT_RISING. */
export function msftFrame(id: number, price: number): string {
  const data = `{"id":${id},"symbol":"MSFT","price":${price},"timestamp":"${FIXED_ISO}"}`
  return `event: stockUpdate\ndata: ${data}\nid: ${id}\n\n`
}
