// Rivulet's fetch and EventSource transports in Node against the ASP.NET Core server.
import { EventSource } from 'eventsource'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SerializedSseItem, StockPriceEvent } from '../stock-events'
import { STOCK_PRICE_EVENT_KEYS } from '../stock-events'
import { bounded } from './bounded'
import { collect } from './collector'
import type { CollectOptions } from './collector'
import { openRaw } from './raw-stream'
import { startStockServer, stopAllStockServers } from './stock-server'
import type { StockServerProcess } from './stock-server'
import { quoteIn, ROUND_TRIP_ID, SYMBOLS } from './wire-format'

let server: StockServerProcess

beforeAll(async () => {
  server = await startStockServer({ interval: 50, retry: 100 })
})
afterAll(stopAllStockServers)

const transports: [string, CollectOptions][] = [
  ['fetch', { transport: 'fetch' }],
  ['eventsource (the eventsource package)', { transport: 'eventsource', EventSource }],
]

/** What `count` Rivulet payloads and a raw client beside it received for the same quotes. */
async function alongsideRaw<T>(path: string, options: CollectOptions, count: number) {
  const raw = await openRaw(`${server.url}${path}`)
  await raw.events(1)
  const client = collect<T>(`${server.url}${path}`, options)
  await bounded(client.waitFor(count), `${count} events`)
  client.close()
  // The raw client connected first, so it has (or is about to have) every quote the other got.
  const last = (client.received.payloads.at(-1) ?? {}) as { id?: string; data?: { id?: string } }
  const rawEvents = await raw.eventsUntil(`"id":"${last.id ?? last.data?.id}"`)
  raw.close()
  return { received: client.received, rawQuotes: rawEvents.map(quoteIn) }
}

/** Where `quotes` start in `all` (by id), and that slice of `all`. */
function sliceLike<T extends { id: string }>(all: T[], quotes: { id: string }[]): T[] {
  const start = all.findIndex((quote) => quote.id === quotes[0]?.id)
  return start < 0 ? [] : all.slice(start, start + quotes.length)
}

describe.each(transports)('Rivulet over %s in Node', (_name, options) => {
  it('receives /stocks2 quotes as a StockPriceEvent, exactly as ASP.NET serialised them', async () => {
    const { received, rawQuotes } = await alongsideRaw<StockPriceEvent>('/stocks2', options, 5)
    const payloads = received.payloads.slice(0, 5)
    expect(payloads).toEqual(sliceLike(rawQuotes, payloads))
    for (const quote of payloads) {
      expect(Object.keys(quote)).toEqual([...STOCK_PRICE_EVENT_KEYS])
      expect(quote).toEqual({
        id: expect.stringMatching(ROUND_TRIP_ID),
        symbol: expect.toBeOneOf(SYMBOLS),
        price: expect.any(Number),
        timestamp: expect.any(String),
      })
      expect(Date.parse(quote.timestamp)).toBe(Date.parse(quote.id))
      expect(Math.round(quote.price * 100) / 100).toBe(quote.price)
    }
  })

  it('keeps each /stocks2 event id as its last event id: the id in the JSON', async () => {
    const { received } = await alongsideRaw<StockPriceEvent>('/stocks2', options, 5)
    expect(received.lastEventIds).toEqual(received.payloads.map((quote) => quote.id))
    expect(received.states).toEqual(['idle', 'connecting', 'open', 'closed'])
    expect(received.errors).toEqual([])
  })

  it('receives /stocks quotes (the article endpoint) with no event id', async () => {
    const { received, rawQuotes } = await alongsideRaw<StockPriceEvent>('/stocks', options, 3)
    const payloads = received.payloads.slice(0, 3)
    expect(payloads).toEqual(sliceLike(rawQuotes, payloads))
    expect(received.lastEventIds).toEqual(received.payloads.map(() => ''))
  })

  it('receives /stocks2-as-written events wrapped in the serialised SseItem, with no event id', async () => {
    const { received, rawQuotes } = await alongsideRaw<SerializedSseItem<StockPriceEvent>>(
      '/stocks2-as-written',
      options,
      3,
    )
    const items = received.payloads.slice(0, 3)
    expect(items.map((item) => item.data)).toEqual(
      sliceLike(
        rawQuotes,
        items.map((item) => item.data),
      ),
    )
    expect(items).toEqual(
      items.map((item) => ({
        data: item.data,
        eventType: 'stockUpdate',
        eventId: item.data.id,
        reconnectionInterval: '00:00:00.1000000',
      })),
    )
    expect(received.lastEventIds).toEqual(received.payloads.map(() => ''))
  })
})

describe('the server after these streams', () => {
  it('logged no warning or error', () => {
    expect(server.problems()).toEqual([])
  })
})
