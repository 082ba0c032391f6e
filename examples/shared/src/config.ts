// Where an app reads its stream and its outage controls, from the environment Vite gives it.
// Pure, so the same rules hold in the three apps and in their tests.

import type { EventStreamOptions } from '@rivulet/core'
import { decodeQuote, decodeReset } from './decode'
import type { StockEvents } from './stocks'

/** The `VITE_*` variables the apps read (`import.meta.env`). */
export interface TickerEnv {
  /** The stock stream; default the reference server's `http://127.0.0.1:5000/stocks`. */
  readonly VITE_STOCKS_URL?: string
  /**
   * The server's control API (`/control/*`, examples/server). Default: `/control` on the
   * stream's origin; `none` for a server without one (the ASP.NET Core server).
   */
  readonly VITE_CONTROL_URL?: string
  /** Milliseconds without a byte before the stream reconnects; above the server's heartbeat. */
  readonly VITE_IDLE_TIMEOUT?: string
}

export interface TickerConfig {
  readonly stocksUrl: string
  /** `undefined` when the server has no control API: the outage buttons say so. */
  readonly controlUrl: string | undefined
  readonly idleTimeout: number
  /** What every app passes to `createEventStream` / `useCreateEventStream`. */
  readonly streamOptions: EventStreamOptions<StockEvents>
}

export const DEFAULT_STOCKS_URL = 'http://127.0.0.1:5000/stocks'

/**
 * Six seconds: three heartbeats of the demo's server (`npm start` runs it with
 * `--heartbeat 2000`), and three quotes of one started with the defaults (one every 2 s).
 */
export const DEFAULT_IDLE_TIMEOUT = 6000

/** Reads the environment; a value it cannot use throws an error that names it. */
export function tickerConfig(env: TickerEnv): TickerConfig {
  const stocksUrl = nonEmpty(env.VITE_STOCKS_URL) ?? DEFAULT_STOCKS_URL
  let base: URL
  try {
    base = new URL(stocksUrl)
  } catch {
    throw new Error(`VITE_STOCKS_URL must be an absolute URL, got "${stocksUrl}"`)
  }
  const control = nonEmpty(env.VITE_CONTROL_URL)
  const controlUrl =
    control === 'none' ? undefined : new URL(control ?? '/control', base).href.replace(/\/$/, '')
  const rawIdle = nonEmpty(env.VITE_IDLE_TIMEOUT)
  const idleTimeout = rawIdle === undefined ? DEFAULT_IDLE_TIMEOUT : Number(rawIdle)
  if (!Number.isInteger(idleTimeout) || idleTimeout < 100) {
    throw new Error(`VITE_IDLE_TIMEOUT must be a whole number of ms, 100 or more, got "${rawIdle}"`)
  }
  return {
    stocksUrl,
    controlUrl,
    idleTimeout,
    streamOptions: {
      idleTimeout,
      // The default backoff grows to 30 s; a demo whose server you stop should come back sooner.
      retry: { maxDelay: 5000 },
      // A payload that is not a quote is a `decode` error, skipped, rather than "$NaN" on the board.
      decode: { stockUpdate: decodeQuote, reset: decodeReset },
    },
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}
