import { useMemo, useState } from 'react'
import type { EventStream } from '@rivulet/core'
import { useEventStreamListener } from '@rivulet/react'
import { sortedRows, withQuote } from './quote-rows'
import type { QuoteRow, QuoteRows } from './quote-rows'
import type { StockEvents } from './stocks'

/**
 * One row per symbol, kept current. Every quote counts (each carries one symbol), so this folds
 * them with a listener: `useEventStream` would show only the latest when several arrive together.
 */
export function useQuotes(stream: EventStream<StockEvents>): QuoteRow[] {
  const [rows, setRows] = useState<QuoteRows>(() => new Map())
  useEventStreamListener(stream, 'stockUpdate', (quote) =>
    setRows((previous) => withQuote(previous, quote)),
  )
  return useMemo(() => sortedRows(rows), [rows])
}
