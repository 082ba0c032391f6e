import { map, merge, scan } from 'rxjs'
import './style.css'
import { addQuote, EMPTY_BOOK } from './quote-book'
import type { QuoteBook } from './quote-book'
import { stocks } from './stocks'
import { renderBook, renderErrors, renderStatus } from './views'
import type { ErrorEntry } from './views'

const MAX_ERRORS = 5

// status$ and errors$ only observe; subscribing to on() is what connects.
stocks.status$.subscribe(renderStatus)

stocks.errors$
  .pipe(
    map((error): ErrorEntry => ({ error, at: new Date() })),
    scan((recent: ErrorEntry[], entry) => [entry, ...recent].slice(0, MAX_ERRORS), []),
  )
  .subscribe(renderErrors)

merge(
  stocks.on('stockUpdate').pipe(map((quote) => (book: QuoteBook) => addQuote(book, quote))),
  // After a reset the old prices belong to another feed: moves against them would be made up.
  stocks.on('reset').pipe(map(() => () => EMPTY_BOOK)),
)
  .pipe(scan((book: QuoteBook, update) => update(book), EMPTY_BOOK))
  .subscribe(renderBook)
