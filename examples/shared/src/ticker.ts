// The page's one fold over the stream's events, in the order they arrived: the board, the live
// list, the count, the id ledger and the last reset. Quotes and resets go through the same
// reducer because their order matters: after a reset, a move against a price from before it
// would compare two feeds (React's app once showed "META ▼ -9.28" that way).

import { boardWithQuote, EMPTY_BOARD } from './board'
import type { Board } from './board'
import { EMPTY_LEDGER, ledgerWithId } from './id-ledger'
import type { IdLedger } from './id-ledger'
import { withArrival } from './rate'
import type { ResetEvent, StockPriceEvent } from './stocks'

/** How many entries the live list keeps; older ones drop off. */
export const FEED_LENGTH = 50

export type FeedEntry =
  | {
      readonly kind: 'quote'
      /** Counts entries from 0: a key that stays unique when a server repeats an id. */
      readonly seq: number
      readonly quote: StockPriceEvent
      readonly change: number | undefined
    }
  | { readonly kind: 'reset'; readonly seq: number; readonly reset: ResetEvent }

export interface TickerState {
  readonly board: Board
  /** Newest first, at most `FEED_LENGTH`. */
  readonly feed: readonly FeedEntry[]
  /** Quotes received since the page loaded. */
  readonly received: number
  /** Arrival times of recent quotes, for the rate. */
  readonly arrivals: readonly number[]
  /** The ids of the current feed; a reset starts a new one. */
  readonly ids: IdLedger
  /** The last reset, until dismissed. */
  readonly reset: { readonly event: ResetEvent; readonly seq: number } | undefined
  readonly seq: number
}

export type TickerAction =
  | { readonly type: 'quote'; readonly quote: StockPriceEvent; readonly at: number }
  | { readonly type: 'reset'; readonly reset: ResetEvent }
  | { readonly type: 'dismiss-reset' }

export const INITIAL_TICKER: TickerState = {
  board: EMPTY_BOARD,
  feed: [],
  received: 0,
  arrivals: [],
  ids: EMPTY_LEDGER,
  reset: undefined,
  seq: 0,
}

/** Pure, as React's `useReducer` and RxJS `scan` want it. */
export function reduceTicker(state: TickerState, action: TickerAction): TickerState {
  switch (action.type) {
    case 'quote': {
      const board = boardWithQuote(state.board, action.quote)
      const row = board.find((candidate) => candidate.symbol === action.quote.symbol)
      const entry: FeedEntry = {
        kind: 'quote',
        seq: state.seq,
        quote: action.quote,
        change: row?.change,
      }
      return {
        ...state,
        board,
        feed: [entry, ...state.feed.slice(0, FEED_LENGTH - 1)],
        received: state.received + 1,
        arrivals: withArrival(state.arrivals, action.at),
        ids: ledgerWithId(state.ids, action.quote.id),
        seq: state.seq + 1,
      }
    }
    case 'reset': {
      const entry: FeedEntry = { kind: 'reset', seq: state.seq, reset: action.reset }
      return {
        ...state,
        // The prices on the board belong to the feed before: moves against them would be made up.
        board: EMPTY_BOARD,
        feed: [entry, ...state.feed.slice(0, FEED_LENGTH - 1)],
        ids: EMPTY_LEDGER,
        reset: { event: action.reset, seq: state.seq },
        seq: state.seq + 1,
      }
    }
    case 'dismiss-reset':
      return state.reset === undefined ? state : { ...state, reset: undefined }
  }
}
