// The exact bytes of the three endpoints, over raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRaw, stableHeaders } from './raw-stream'
import { startStockServer, stopAllStockServers } from './stock-server'
import type { StockServerProcess } from './stock-server'
import {
  asWrittenEvent,
  quoteIn,
  stocks2Event,
  stocksEvent,
  strictlyIncreasing,
} from './wire-format'

let server: StockServerProcess

beforeAll(async () => {
  server = await startStockServer({ interval: 50, retry: 100 })
})
afterAll(stopAllStockServers)

// What ServerSentEventsResult sets, for every endpoint (Date aside).
const STREAM_HEADERS = [
  ['Content-Type', 'text/event-stream'],
  ['Server', 'Kestrel'],
  ['Cache-Control', 'no-cache,no-store'],
  ['Content-Encoding', 'identity'],
  ['Pragma', 'no-cache'],
  ['Transfer-Encoding', 'chunked'],
]

describe('GET /stocks (as in the article)', () => {
  it('sends each quote as a stockUpdate event with its JSON and no id', async () => {
    const response = await openRaw(`${server.url}/stocks`)
    const events = await response.events(3)
    response.close()
    expect(response.status).toBe(200)
    expect(stableHeaders(response)).toEqual(STREAM_HEADERS)
    const quotes = events.map(quoteIn)
    expect(events).toEqual(quotes.map(stocksEvent))
    expect(response.text().startsWith(events.join(''))).toBe(true)
    expect(strictlyIncreasing(quotes.map((q) => q.id))).toBe(true)
  })
})

describe('GET /stocks2 (resume done right)', () => {
  it('gives every quote an id: line equal to its JSON id, and retry: from the settings', async () => {
    const response = await openRaw(`${server.url}/stocks2`)
    const events = await response.events(3)
    response.close()
    expect(response.status).toBe(200)
    expect(stableHeaders(response)).toEqual(STREAM_HEADERS)
    const quotes = events.map(quoteIn)
    expect(events).toEqual(quotes.map((quote) => stocks2Event(quote, 100)))
    expect(strictlyIncreasing(quotes.map((q) => q.id))).toBe(true)
  })

  it('sends every client the same quotes with the same ids (one feed)', async () => {
    const [a, b] = await Promise.all([
      openRaw(`${server.url}/stocks2`),
      openRaw(`${server.url}/stocks2`),
    ])
    const [first, second] = await Promise.all([a.events(6), b.events(6)])
    a.close()
    b.close()
    // Connected moments apart: the later one's first event is somewhere in the other's run,
    // and from there both got the same bytes.
    const [early, late] = (first ?? []).includes(second?.[0] ?? '')
      ? [first, second]
      : [second, first]
    const from = (early ?? []).indexOf(late?.[0] ?? '')
    expect(from).toBeGreaterThanOrEqual(0)
    expect(late?.slice(0, 6 - from)).toEqual(early?.slice(from))
  })
})

describe('GET /stocks2-as-written (the article pitfall, dotnet/aspnetcore#64183)', () => {
  it('serialises the whole SseItem into data: and writes no id: or retry: line', async () => {
    const response = await openRaw(`${server.url}/stocks2-as-written`)
    const events = await response.events(3)
    response.close()
    expect(response.status).toBe(200)
    expect(stableHeaders(response)).toEqual(STREAM_HEADERS)
    const quotes = events.map(quoteIn)
    expect(events).toEqual(quotes.map((quote) => asWrittenEvent(quote, '00:00:00.1000000')))
    expect(response.text()).not.toMatch(/^id:/m)
    expect(response.text()).not.toMatch(/^retry:/m)
  })
})

describe('other requests', () => {
  it('answers an unknown path with 404 and a POST to a stream with 405', async () => {
    const missing = await fetch(`${server.url}/nope`)
    const post = await fetch(`${server.url}/stocks2`, { method: 'POST' })
    expect([missing.status, post.status]).toEqual([404, 405])
  })
})

describe('the server after these streams', () => {
  it('logged no warning or error', () => {
    expect(server.problems()).toEqual([])
  })
})
