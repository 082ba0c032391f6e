// What the page received, id by id, kept in constant space: how many, the first and the last,
// and every id that did not follow the one before (a gap) or did not come after it (a repeat).
// The outage buttons promise "no gap, no duplicate"; this is how the page shows it kept that.

export interface IdLedger {
  readonly count: number
  readonly first: number | string | undefined
  readonly last: number | string | undefined
  /** Numeric ids only: an id more than one past the last. String ids cannot show a gap. */
  readonly gaps: number
  /** An id equal to or before the last: a duplicate, or the feed going back. */
  readonly repeats: number
}

export const EMPTY_LEDGER: IdLedger = {
  count: 0,
  first: undefined,
  last: undefined,
  gaps: 0,
  repeats: 0,
}

/**
 * The ledger after `id`. Numbers compare as numbers; strings as strings, which orders the ASP.NET
 * server's round-trip timestamps (always seven fractional digits) in time.
 */
export function ledgerWithId(ledger: IdLedger, id: number | string): IdLedger {
  const { last } = ledger
  const repeat = last !== undefined && typeof last === typeof id && !(id > last)
  const gap = typeof id === 'number' && typeof last === 'number' && id > last + 1
  return {
    count: ledger.count + 1,
    first: ledger.first ?? id,
    // A repeat leaves `last` where it was, so the id after it is judged against the newest.
    last: repeat ? last : id,
    gaps: ledger.gaps + (gap ? 1 : 0),
    repeats: ledger.repeats + (repeat ? 1 : 0),
  }
}
