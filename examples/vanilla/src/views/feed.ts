import {
  describeReset,
  direction,
  formatChange,
  formatPrice,
  formatRate,
  formatTime,
  ratePerSecond,
} from '@rivulet/example-shared'
import type { FeedEntry, TickerState } from '@rivulet/example-shared'
import { byId, el } from '../dom'

/** Redraws the live list, newest first, and the count. */
export function renderFeed(state: TickerState): void {
  const list = byId('updates')
  list.replaceChildren(...state.feed.map(entry))
  list.hidden = state.feed.length === 0
  byId('feed-empty').hidden = state.feed.length > 0
  byId('received').textContent = String(state.received)
}

export function renderRate(state: TickerState, now: number): void {
  byId('rate').textContent = formatRate(ratePerSecond(state.arrivals, now))
}

function entry(item: FeedEntry): HTMLLIElement {
  if (item.kind === 'reset') return el('li', 'marker', `Feed reset · ${describeReset(item.reset)}`)
  const { quote, change } = item
  const time = el('time', '', formatTime(quote.timestamp))
  time.dateTime = quote.timestamp
  const li = el(
    'li',
    `update ${direction(change)}`,
    time,
    el('span', 'symbol', quote.symbol),
    el('span', 'price', formatPrice(quote.price)),
    el('span', 'change', formatChange(change)),
  )
  li.dataset.id = String(quote.id)
  return li
}
