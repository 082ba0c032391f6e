import type { StreamError, StreamStatus } from '@rivulet/core'
import {
  describeError,
  describeStatus,
  direction,
  formatChange,
  formatPrice,
  formatTime,
} from './format'
import type { QuoteBook } from './quote-book'

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id)
  if (found === null) throw new Error(`#${id} is missing from index.html`)
  return found as T
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td')
  td.textContent = text
  if (className !== undefined) td.className = className
  return td
}

/** Redraws the table: eight rows, so replacing them beats diffing them. */
export function renderBook(book: QuoteBook): void {
  const rows = [...book.values()]
    .sort((a, b) => a.quote.symbol.localeCompare(b.quote.symbol))
    .map(({ quote, change }) => {
      const tr = document.createElement('tr')
      tr.dataset.symbol = quote.symbol
      tr.append(
        cell(quote.symbol, 'symbol'),
        cell(formatPrice(quote.price), 'price'),
        cell(formatChange(change), `change ${direction(change)}`),
        cell(formatTime(quote.timestamp), 'time'),
      )
      return tr
    })
  element('quotes').replaceChildren(...rows)
  element('empty').hidden = book.size > 0
}

export function renderStatus(status: StreamStatus): void {
  const badge = element('status')
  badge.dataset.state = status.state
  badge.textContent = describeStatus(status)
  const error =
    status.state === 'reconnecting' || status.state === 'closed' ? status.error : undefined
  badge.title = error === undefined ? '' : describeError(error)
}

export interface ErrorEntry {
  readonly error: StreamError
  readonly at: Date
}

/** Shows the most recent errors first. */
export function renderErrors(errors: readonly ErrorEntry[]): void {
  const items = errors.map(({ error, at }) => {
    const li = document.createElement('li')
    li.textContent = `${at.toLocaleTimeString()} ${describeError(error)}`
    return li
  })
  element('error-list').replaceChildren(...items)
  element('errors').hidden = errors.length === 0
}
