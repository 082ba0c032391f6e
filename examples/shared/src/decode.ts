// The apps' decoders: JSON, then the shape the page relies on. A payload that is not a quote
// throws here, which the stream reports as a typed `decode` error and skips, so one bad event
// neither reaches the board as "$NaN" nor stops the feed.

import type { ResetEvent, StockPriceEvent } from './stocks'

export function decodeQuote(data: string): StockPriceEvent {
  const value = object(JSON.parse(data))
  const { id, symbol, price, timestamp } = value
  if (typeof id !== 'number' && typeof id !== 'string') throw new TypeError('a quote needs an id')
  if (typeof symbol !== 'string' || symbol === '') throw new TypeError('a quote needs a symbol')
  if (typeof price !== 'number' || !Number.isFinite(price)) {
    throw new TypeError('a quote needs a finite number as its price')
  }
  if (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp))) {
    throw new TypeError('a quote needs an ISO 8601 timestamp')
  }
  return { id, symbol, price, timestamp }
}

export function decodeReset(data: string): ResetEvent {
  const value = object(JSON.parse(data))
  const { reason, lastEventId } = value
  if (reason !== 'too-old' && reason !== 'unknown') {
    throw new TypeError('a reset needs a reason: too-old or unknown')
  }
  if (typeof lastEventId !== 'string')
    throw new TypeError('a reset needs the lastEventId it refused')
  return value as unknown as ResetEvent
}

function object(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('expected a JSON object')
  }
  return value as Record<string, unknown>
}
