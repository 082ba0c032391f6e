import { map, scan } from 'rxjs'
import './style.css'
import { addQuote } from './quote-book'
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

stocks
  .on('stockUpdate')
  .pipe(scan(addQuote, new Map() as QuoteBook))
  .subscribe(renderBook)
