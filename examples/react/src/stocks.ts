/** One quote of the reference server's `stockUpdate` events. */
export interface StockPriceEvent {
  readonly id: number
  readonly symbol: string
  readonly price: number
  /** ISO 8601, UTC. */
  readonly timestamp: string
}

/** The events of `GET /stocks` this app reads. */
export type StockEvents = { stockUpdate: StockPriceEvent }

export const STOCKS_URL = import.meta.env.VITE_STOCKS_URL ?? 'http://127.0.0.1:5000/stocks'
