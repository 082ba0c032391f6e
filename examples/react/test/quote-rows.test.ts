import { describe, expect, it } from 'vitest'
import { sortedRows, withQuote } from '../src/quote-rows'
import type { QuoteRows } from '../src/quote-rows'

const at = (second: number) => `2026-11-25T09:00:${String(second).padStart(2, '0')}.000Z`

describe('quote rows', () => {
  it('keeps one row per symbol with the change since its previous quote', () => {
    let rows: QuoteRows = new Map()
    rows = withQuote(rows, { id: 1, symbol: 'NVDA', price: 141.97, timestamp: at(1) })
    rows = withQuote(rows, { id: 2, symbol: 'AAPL', price: 230, timestamp: at(2) })
    rows = withQuote(rows, { id: 3, symbol: 'NVDA', price: 140.5, timestamp: at(3) })
    expect(sortedRows(rows)).toEqual([
      { symbol: 'AAPL', price: 230, change: undefined, timestamp: at(2), id: 2 },
      { symbol: 'NVDA', price: 140.5, change: 140.5 - 141.97, timestamp: at(3), id: 3 },
    ])
  })

  it('returns a new map and leaves the old one as it was', () => {
    const empty: QuoteRows = new Map()
    const next = withQuote(empty, { id: 1, symbol: 'MSFT', price: 1, timestamp: at(1) })
    expect(next).not.toBe(empty)
    expect(empty.size).toBe(0)
  })
})
