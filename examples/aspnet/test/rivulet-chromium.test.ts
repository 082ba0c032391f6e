// Rivulet in real Chromium against the ASP.NET Core server: fetch streaming and native
// EventSource, cross-origin (the server's CORS lets the page's origin in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SerializedSseItem, StockPriceEvent } from '../stock-events'
import { STOCK_PRICE_EVENT_KEYS } from '../stock-events'
import { startChromiumClients } from './chromium-page'
import type { ChromiumClients } from './chromium-page'
import { openRaw } from './raw-stream'
import { startStockServer, stopAllStockServers } from './stock-server'
import type { StockServerProcess } from './stock-server'
import { quoteIn, ROUND_TRIP_ID, SYMBOLS } from './wire-format'

let server: StockServerProcess
let chromium: ChromiumClients

beforeAll(async () => {
  chromium = await startChromiumClients()
  server = await startStockServer({ interval: 50, retry: 100, origins: chromium.origin })
})
afterAll(async () => {
  await chromium?.dispose()
  await stopAllStockServers()
})

let clients = 0

/** `count` payloads of a Chromium client, and what a raw client beside it got for the same quotes. */
async function alongsideRaw<T>(path: string, transport: 'fetch' | 'eventsource', count: number) {
  const raw = await openRaw(`${server.url}${path}`)
  await raw.events(1)
  const name = `client-${++clients}`
  await chromium.open(name, `${server.url}${path}`, transport)
  await chromium.waitFor(name, count)
  await chromium.close(name)
  const received = await chromium.read<T>(name)
  const last = (received.payloads.at(-1) ?? {}) as { id?: string; data?: { id?: string } }
  const rawEvents = await raw.eventsUntil(`"id":"${last.id ?? last.data?.id}"`)
  raw.close()
  return { received, rawQuotes: rawEvents.map(quoteIn) }
}

function sliceLike<T extends { id: string }>(all: T[], quotes: { id: string }[]): T[] {
  const start = all.findIndex((quote) => quote.id === quotes[0]?.id)
  return start < 0 ? [] : all.slice(start, start + quotes.length)
}

describe.each(['fetch', 'eventsource'] as const)('Rivulet over %s in Chromium', (transport) => {
  it('receives /stocks2 quotes as a StockPriceEvent, exactly as ASP.NET serialised them', async () => {
    const { received, rawQuotes } = await alongsideRaw<StockPriceEvent>('/stocks2', transport, 5)
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
    }
    expect(received.lastEventIds).toEqual(received.payloads.map((quote) => quote.id))
    expect(received.states).toEqual(['idle', 'connecting', 'open', 'closed'])
    expect(received.errors).toEqual([])
  })

  it('receives /stocks2-as-written events wrapped, with no event id', async () => {
    const { received, rawQuotes } = await alongsideRaw<SerializedSseItem<StockPriceEvent>>(
      '/stocks2-as-written',
      transport,
      3,
    )
    const items = received.payloads.slice(0, 3)
    expect(items.map((item) => item.data)).toEqual(
      sliceLike(
        rawQuotes,
        items.map((item) => item.data),
      ),
    )
    expect(items.map((item) => [item.eventType, item.eventId])).toEqual(
      items.map((item) => ['stockUpdate', item.data.id]),
    )
    expect(received.lastEventIds).toEqual(received.payloads.map(() => ''))
  })
})

describe('the server after these streams', () => {
  it('logged no warning or error', () => {
    expect(server.problems()).toEqual([])
  })
})
