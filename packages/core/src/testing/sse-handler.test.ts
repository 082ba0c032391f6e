import { EventSource } from 'eventsource'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { filter, firstValueFrom, take, toArray } from 'rxjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createEventStream } from '../stream'
import type { AnyEventStream, StreamStatus } from '../stream'
import { sseHandler } from './sse-handler'

// msw's sse() refuses to exist where EventSource does not (Node 20); the streams here use fetch.
globalThis.EventSource ??= EventSource as unknown as typeof globalThis.EventSource

interface StockPrice {
  symbol: string
  price: number
}
type StockEvents = { stockUpdate: StockPrice; notice: string }

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const URL = 'http://127.0.0.1/stocks'
const fast = { initialDelay: 1, minDelay: 1, jitter: 0 }

const reaches = (stream: AnyEventStream, state: StreamStatus['state']) =>
  firstValueFrom(stream.status$.pipe(filter((status) => status.state === state)))

describe('sseHandler', () => {
  it('serves a stream over the real fetch transport, as the README shows', async () => {
    const stocks = sseHandler<StockEvents>(URL)
    server.use(stocks.handler)
    const stream = createEventStream<StockEvents>(URL, { transport: 'fetch', retry: false })
    stream.events$.subscribe() // stays connected after the two quotes below
    const quotes = firstValueFrom(stream.on('stockUpdate').pipe(take(2), toArray()))

    const connection = await stocks.connected()
    expect(connection.request.headers.get('accept')).toBe('text/event-stream')
    expect(connection.lastEventId).toBe('')
    connection.send('stockUpdate', { symbol: 'MSFT', price: 420.5 }, { id: '1' })
    connection.sendRaw({ type: 'notice', data: 'not JSON' })
    connection.send('stockUpdate', { symbol: 'AAPL', price: 230 })

    expect(await quotes).toEqual([
      { symbol: 'MSFT', price: 420.5 },
      { symbol: 'AAPL', price: 230 },
    ])
    expect([stream.status, stream.lastEventId]).toEqual([{ state: 'open' }, '1'])
    stream.close()
    await expect.poll(() => connection.closed).toBe(true)
  })

  it('sees a reconnection resume with the UTF-8 last event ID after a dropped connection', async () => {
    const stocks = sseHandler<StockEvents>(URL)
    server.use(stocks.handler)
    const stream = createEventStream<StockEvents>(URL, { transport: 'fetch', retry: fast })
    stream.events$.subscribe()
    const errors: string[] = []
    stream.errors$.subscribe((error) => errors.push(error.kind))
    const notices = firstValueFrom(stream.on('notice').pipe(take(2), toArray()))

    const first = await stocks.connected()
    first.send('notice', 'one', { id: '株-7' })
    await firstValueFrom(stream.events$)
    first.fail()
    const second = await stocks.connected()
    second.send('notice', 'two')

    expect(await notices).toEqual(['one', 'two'])
    expect(second.lastEventId).toBe('株-7')
    expect(errors).toEqual(['network'])
    expect(stocks.connections.map((c) => c.closed)).toEqual([true, false])
    stream.close()
  })

  it('moves the last event ID with an id-only block, and reconnects after a clean end', async () => {
    const stocks = sseHandler<StockEvents>(URL, (connection) => connection.retry(1))
    server.use(stocks.handler)
    const stream = createEventStream<StockEvents>(URL, { transport: 'fetch', retry: fast })
    stream.events$.subscribe()

    const first = await stocks.connected()
    first.id('42')
    first.end()
    const second = await stocks.connected()
    expect([stream.lastEventId, second.lastEventId, stocks.last]).toEqual(['42', '42', second])
    expect(stocks.connections).toHaveLength(2)
    stream.close()
  })

  it('leaves HTTP errors to an http handler beside it', async () => {
    server.use(http.get(URL, () => new HttpResponse('gone', { status: 404 })))
    const stream = createEventStream<StockEvents>(URL, { transport: 'fetch' })
    stream.events$.subscribe()
    await reaches(stream, 'closed')
    expect(stream.status).toMatchObject({
      state: 'closed',
      reason: 'error',
      error: { kind: 'http', status: 404, body: 'gone' },
    })
  })
})
