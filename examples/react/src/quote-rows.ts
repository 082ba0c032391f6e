import type { StockPriceEvent } from './stocks'

/** One line of the ticker: the latest quote of a symbol and how it moved. */
export interface QuoteRow {
  readonly symbol: string
  readonly price: number
  /** Price minus the symbol's previous price; `undefined` for its first quote. */
  readonly change: number | undefined
  readonly timestamp: string
  /** The quote's id: a new one on every update, so the row can flash. */
  readonly id: number
}

export type QuoteRows = ReadonlyMap<string, QuoteRow>

/** The rows with `quote` applied; a new map, so React sees the change. */
export function withQuote(rows: QuoteRows, quote: StockPriceEvent): QuoteRows {
  const previous = rows.get(quote.symbol)
  const row: QuoteRow = {
    symbol: quote.symbol,
    price: quote.price,
    change: previous === undefined ? undefined : quote.price - previous.price,
    timestamp: quote.timestamp,
    id: quote.id,
  }
  return new Map(rows).set(quote.symbol, row)
}

export function sortedRows(rows: QuoteRows): QuoteRow[] {
  return [...rows.values()].sort((a, b) => a.symbol.localeCompare(b.symbol))
}
