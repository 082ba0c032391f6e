import { useEventStreamListener } from '@rivulet/vue'
import { computed, shallowRef } from 'vue'
import { addQuote, EMPTY_BOOK } from '../quote-book'
import type { QuoteBook, QuoteRow } from '../quote-book'
import { stocks } from '../stocks'

/**
 * One row per symbol, sorted. A listener rather than `useEventStream`'s `data`: quotes that
 * arrive within one tick (a replay after a reconnect) must each reach the book.
 */
export function useQuoteBook() {
  const book = shallowRef<QuoteBook>(EMPTY_BOOK)
  useEventStreamListener(stocks, 'stockUpdate', (quote) => {
    book.value = addQuote(book.value, quote)
  })
  // After a reset the old prices belong to another feed: moves against them would be made up.
  useEventStreamListener(stocks, 'reset', () => {
    book.value = EMPTY_BOOK
  })
  return computed((): QuoteRow[] =>
    [...book.value.values()].sort((a, b) => a.quote.symbol.localeCompare(b.quote.symbol)),
  )
}
