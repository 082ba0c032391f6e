import { createEventStream } from '@rivulet/core'

/** One quote, as the reference server sends it in a `stockUpdate` event. */
export interface StockPriceEvent {
  readonly id: number
  readonly symbol: string
  readonly price: number
  readonly timestamp: string
}

/**
 * Sent instead of a replay when the server cannot resume from our last event id: it restarted
 * (its ids start over) or the id fell out of its buffer.
 */
export interface ResetEvent {
  readonly reason: 'too-old' | 'unknown'
  readonly lastEventId: string
  readonly latestId: number
}

export type StockEvents = { stockUpdate: StockPriceEvent; reset: ResetEvent }

export const STOCKS_URL: string = import.meta.env.VITE_STOCKS_URL ?? 'http://127.0.0.1:5000/stocks'

/** The one stream of the page: every view subscribes to it and shares its connection. */
export const stocks = createEventStream<StockEvents>(STOCKS_URL)
