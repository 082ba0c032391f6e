import { describe, expect, it } from 'vitest'
import { createEventStream } from '../stream'
import { fakeTransport } from './fake-transport'

type StockEvents = { stockUpdate: { symbol: string }; note: string }

describe('fakeTransport', () => {
  it('plays the server for a stream, as the README shows', async () => {
    const transport = fakeTransport()
    const stocks = createEventStream<StockEvents>('/stocks', { transport })
    const seen: string[] = []
    stocks.on('stockUpdate').subscribe(({ symbol }) => seen.push(symbol))

    const server = await transport.connected()
    server.open()
    server.send('stockUpdate', { symbol: 'MSFT' }, { id: '1' })
    server.fail({ status: 503, retryAfter: 1000 })
    expect([seen, stocks.status.state, server.request.lastEventId]).toEqual([
      ['MSFT'],
      'reconnecting',
      '',
    ])
    expect(stocks.status).toMatchObject({ error: { kind: 'http', status: 503, retryAfter: 1000 } })
    expect(server.closed).toBe(true)
    stocks.close()
  })

  it('records each request and moves the last event ID with events and id-only blocks', async () => {
    const transport = fakeTransport()
    const s = createEventStream<StockEvents>('/stocks', {
      transport,
      headers: { authorization: 'Bearer t' },
      retry: { initialDelay: 0, minDelay: 0, jitter: 0 },
    })
    const notes: string[] = []
    s.on('note').subscribe((note) => notes.push(note))
    const first = await transport.connected()
    first.sendRaw({ type: 'note', data: '"plain"', id: 'a' })
    first.id('b')
    first.comment('heartbeat')
    first.retry(5)
    first.end()
    const second = await transport.connected()
    expect(second).not.toBe(first)
    expect(transport.connections).toHaveLength(2)
    expect(transport.last).toBe(second)
    expect(second.request).toMatchObject({
      url: '/stocks',
      method: 'GET',
      headers: { authorization: 'Bearer t' },
      lastEventId: 'b',
    })
    expect(notes).toEqual(['plain'])
    second.noContent()
    expect(s.status).toEqual({ state: 'closed', reason: 'no-content', error: undefined })
  })

  it('answers every connection at once with autoRespond', async () => {
    const transport = fakeTransport()
    transport.autoRespond = (connection) => connection.fail()
    const s = createEventStream('/down', { transport, retry: { maxAttempts: 0 } })
    s.events$.subscribe()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(s.status).toMatchObject({
      state: 'closed',
      error: { kind: 'gave-up', last: { kind: 'network', message: 'network error: fetch failed' } },
    })
  })
})
