// The market board: one row per symbol, every symbol from the start, with its latest price, the
// move from the quote before and the recent prices a sparkline draws.

import { SYMBOLS } from './stocks'
import type { StockPriceEvent } from './stocks'

/** How many recent prices a row keeps for its sparkline. */
export const HISTORY_LENGTH = 30
/** A server that makes up a new symbol per quote cannot grow the board past this. */
export const MAX_BOARD_ROWS = 24

export interface BoardRow {
  readonly symbol: string
  /** The latest quote, `undefined` until the symbol's first. */
  readonly quote: StockPriceEvent | undefined
  /** Price minus the previous quote's; `undefined` for the first quote. */
  readonly change: number | undefined
  /** Recent prices, oldest first, at most `HISTORY_LENGTH`. */
  readonly history: readonly number[]
}

/** Rows in the board's order: `SYMBOLS`, then other symbols as they first appear, up to a bound. */
export type Board = readonly BoardRow[]

export const EMPTY_BOARD: Board = SYMBOLS.map((symbol) => ({
  symbol,
  quote: undefined,
  change: undefined,
  history: [],
}))

/** The board with `quote` applied: a new array with one new row, the others kept. */
export function boardWithQuote(board: Board, quote: StockPriceEvent): Board {
  const index = board.findIndex((row) => row.symbol === quote.symbol)
  const previous = index === -1 ? undefined : board[index]
  const row: BoardRow = {
    symbol: quote.symbol,
    quote,
    change: previous?.quote === undefined ? undefined : quote.price - previous.quote.price,
    history: [...(previous?.history ?? []), quote.price].slice(-HISTORY_LENGTH),
  }
  if (index === -1) return board.length < MAX_BOARD_ROWS ? [...board, row] : board
  return board.map((old, i) => (i === index ? row : old))
}

/** `up`, `down` or `flat`: the class that colours a move (its arrow and sign say it too). */
export type Direction = 'up' | 'down' | 'flat'

export function direction(change: number | undefined): Direction {
  if (change === undefined || change === 0) return 'flat'
  return change > 0 ? 'up' : 'down'
}
