import { describe, expect, it } from 'vitest'
import { EMPTY_BOARD } from './board'
import type { ResetEvent } from './stocks'
import { FEED_LENGTH, INITIAL_TICKER, reduceTicker } from './ticker'
import type { TickerAction, TickerState } from './ticker'

const quote = (id: number, symbol: string, price: number) => ({
  id,
  symbol,
  price,
  timestamp: '2026-12-01T17:00:00.000Z',
})
const tick = (id: number, symbol: string, price: number, at = id * 500): TickerAction => ({
  type: 'quote',
  quote: quote(id, symbol, price),
  at,
})
const RESET: ResetEvent = { reason: 'unknown', lastEventId: '9', latestId: 0 }
const run = (actions: readonly TickerAction[]): TickerState =>
  actions.reduce(reduceTicker, INITIAL_TICKER)

describe('the ticker fold', () => {
  it('puts each quote at the top of the live list with its move, and counts it', () => {
    const state = run([tick(1, 'MSFT', 420), tick(2, 'AAPL', 230), tick(3, 'MSFT', 421)])
    expect(state.feed).toEqual([
      { kind: 'quote', seq: 2, quote: quote(3, 'MSFT', 421), change: 1 },
      { kind: 'quote', seq: 1, quote: quote(2, 'AAPL', 230), change: undefined },
      { kind: 'quote', seq: 0, quote: quote(1, 'MSFT', 420), change: undefined },
    ])
    expect(state.received).toBe(3)
    expect(state.arrivals).toEqual([500, 1000, 1500])
    expect(state.ids).toEqual({ count: 3, first: 1, last: 3, gaps: 0, repeats: 0 })
    expect(state.board.find((row) => row.symbol === 'MSFT')?.quote).toEqual(quote(3, 'MSFT', 421))
  })

  it('keeps the live list to FEED_LENGTH entries, newest first', () => {
    const state = run(Array.from({ length: FEED_LENGTH + 7 }, (_, i) => tick(i + 1, 'TSLA', 250)))
    expect(state.feed).toHaveLength(FEED_LENGTH)
    expect(state.feed[0]?.seq).toBe(FEED_LENGTH + 6)
    expect(state.feed.at(-1)?.seq).toBe(7)
    expect(state.received).toBe(FEED_LENGTH + 7)
  })

  it('starts the board and the id ledger afresh on a reset, and notes it in the list', () => {
    const state = run([
      tick(8, 'META', 560),
      tick(9, 'META', 561),
      { type: 'reset', reset: RESET },
      tick(1, 'META', 500),
    ])
    const meta = state.board.find((row) => row.symbol === 'META')
    // The first quote of the new feed has no move: the price before belongs to the old one.
    expect(meta?.change).toBeUndefined()
    expect(meta?.history).toEqual([500])
    expect(state.feed.map((entry) => entry.kind)).toEqual(['quote', 'reset', 'quote', 'quote'])
    expect(state.ids).toEqual({ count: 1, first: 1, last: 1, gaps: 0, repeats: 0 })
    expect(state.reset).toEqual({ event: RESET, seq: 2 })
    expect(state.received).toBe(3)
  })

  it('clears the board on a reset, every symbol still listed', () => {
    const state = run([tick(1, 'META', 560), { type: 'reset', reset: RESET }])
    expect(state.board).toBe(EMPTY_BOARD)
  })

  it('hides the reset notice when dismissed, and only then', () => {
    const shown = run([{ type: 'reset', reset: RESET }])
    const dismissed = reduceTicker(shown, { type: 'dismiss-reset' })
    expect(dismissed.reset).toBeUndefined()
    expect(dismissed.feed).toBe(shown.feed)
    expect(reduceTicker(dismissed, { type: 'dismiss-reset' })).toBe(dismissed)
  })
})
