import type { StockPriceEvent } from './stocks'

/** A symbol's row: its latest quote and how it moved from the one before. */
export interface QuoteRow {
  readonly quote: StockPriceEvent
  /** Price minus the previous quote's price; `undefined` for the first quote of a symbol. */
  readonly change: number | undefined
}

export type QuoteBook = ReadonlyMap<string, QuoteRow>

export const EMPTY_BOOK: QuoteBook = new Map()

/** Folds one quote into the book (for RxJS `scan`): a new map, so changes are easy to spot. */
export function addQuote(book: QuoteBook, quote: StockPriceEvent): QuoteBook {
  const previous = book.get(quote.symbol)
  const change = previous === undefined ? undefined : quote.price - previous.quote.price
  return new Map(book).set(quote.symbol, { quote, change })
}
