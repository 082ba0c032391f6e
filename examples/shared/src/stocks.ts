// The events the apps read, as both stock servers send them: the reference server
// (examples/server, `GET /stocks`) and the ASP.NET Core one (examples/aspnet, `GET /stocks2`).

/** One quote of a `stockUpdate` event. */
export interface StockPriceEvent {
  /**
   * The reference server numbers its quotes (`4`, the event's `id:` too); the ASP.NET Core
   * server names each by its instant in round-trip format (`"2026-12-01T17:09:59.3422614Z"`).
   */
  readonly id: number | string
  readonly symbol: string
  readonly price: number
  /** ISO 8601, UTC. */
  readonly timestamp: string
}

/**
 * Sent instead of a replay when the server cannot resume after the client's last event id: the
 * quotes after it are gone (`too-old`) or it is no id of this feed (`unknown`). Its own `id:` is
 * the newest quote's, so the next reconnection resumes from now.
 */
export interface ResetEvent {
  readonly reason: 'too-old' | 'unknown'
  readonly lastEventId: string
  readonly oldestId?: number | string | null
  readonly latestId: number | string | null
}

export type StockEvents = { stockUpdate: StockPriceEvent; reset: ResetEvent }

/** Every symbol both servers quote, in the board's order; the board shows them all from the start. */
export const SYMBOLS: readonly string[] = [
  'AAPL',
  'AMZN',
  'GOOG',
  'META',
  'MSFT',
  'NFLX',
  'NVDA',
  'TSLA',
]
