import { describe, expect, it } from 'vitest'
import { EMPTY_LEDGER, ledgerWithId } from './id-ledger'
import type { IdLedger } from './id-ledger'

const fold = (ids: readonly (number | string)[]): IdLedger => ids.reduce(ledgerWithId, EMPTY_LEDGER)

describe('the id ledger', () => {
  it('counts consecutive numeric ids with no gap and no repeat', () => {
    expect(fold([4, 5, 6, 7])).toEqual({ count: 4, first: 4, last: 7, gaps: 0, repeats: 0 })
  })

  it('counts a jump as a gap and a replayed id as a repeat', () => {
    expect(fold([1, 2, 5, 5, 3, 6])).toEqual({ count: 6, first: 1, last: 6, gaps: 1, repeats: 2 })
  })

  it('orders round-trip timestamps as strings and never reports a gap between them', () => {
    const a = '2026-12-01T17:09:59.3422614Z'
    const b = '2026-12-01T17:10:01.3431557Z'
    const c = '2026-12-01T17:10:03.3491568Z'
    expect(fold([a, b, c])).toEqual({ count: 3, first: a, last: c, gaps: 0, repeats: 0 })
    expect(fold([a, c, b])).toEqual({ count: 3, first: a, last: c, gaps: 0, repeats: 1 })
  })
})
