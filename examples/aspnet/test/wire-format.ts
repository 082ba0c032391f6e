// The bytes the server writes, rebuilt from a quote's values: a test compares what it received
// with these, so every byte (field order, spacing, digits) is pinned, not only the values.
import type { StockPriceEvent } from '../stock-events'

export const SYMBOLS = ['MSFT', 'AAPL', 'GOOG', 'AMZN', 'NVDA', 'META', 'TSLA', 'NFLX']

/** .NET's round-trip format for a UTC DateTime: seven fractional digits. */
export const ROUND_TRIP_ID = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/

/** How System.Text.Json writes the same DateTime: trailing zeros of the fraction dropped. */
function jsonDateTime(roundTrip: string): string {
  return roundTrip.replace(/\.?0+Z$/, 'Z')
}

/** A quote's JSON exactly as ASP.NET writes it. */
function quoteJson(quote: StockPriceEvent): string {
  return (
    `{"id":"${quote.id}","symbol":"${quote.symbol}","price":${quote.price.toFixed(2)},` +
    `"timestamp":"${jsonDateTime(quote.id)}"}`
  )
}

/** `GET /stocks`: the IAsyncEnumerable<T> overload with eventType, as in the article. */
export function stocksEvent(quote: StockPriceEvent): string {
  return `event: stockUpdate\ndata: ${quoteJson(quote)}\n\n`
}

/** `GET /stocks2`: the SseItem overload: id and retry on every event. */
export function stocks2Event(quote: StockPriceEvent, retryMs: number): string {
  return `event: stockUpdate\ndata: ${quoteJson(quote)}\nid: ${quote.id}\nretry: ${retryMs}\n\n`
}

/** `GET /stocks2-as-written`: the whole SseItem as JSON in `data:`, no `id:` line. */
export function asWrittenEvent(quote: StockPriceEvent, reconnectionInterval: string): string {
  return (
    `event: stockUpdate\ndata: {"data":${quoteJson(quote)},"eventType":"stockUpdate",` +
    `"eventId":"${quote.id}","reconnectionInterval":"${reconnectionInterval}"}\n\n`
  )
}

/** The quote in an event block (unwrapped for the as-written endpoint), checked for range. */
export function quoteIn(block: string): StockPriceEvent {
  const data = /^data: (.*)$/m.exec(block)?.[1]
  if (data === undefined) throw new Error(`no data line in ${JSON.stringify(block)}`)
  const parsed = JSON.parse(data) as StockPriceEvent | { data: StockPriceEvent }
  const quote = 'data' in parsed ? parsed.data : parsed
  if (!ROUND_TRIP_ID.test(quote.id) || !SYMBOLS.includes(quote.symbol) || !(quote.price > 0)) {
    throw new Error(`not a quote: ${data}`)
  }
  return quote
}

/** Whether ids strictly increase: no repeat, nothing out of order. */
export function strictlyIncreasing(ids: readonly string[]): boolean {
  return ids.every((id, i) => i === 0 || (ids[i - 1] ?? '') < id)
}
