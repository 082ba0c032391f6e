import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { fakeStream, fakeTransport, settle } from '../test/fake-transport'
import type { StockEvents, StockPrice } from '../test/fake-transport'
import { useEventStreamListener } from './use-event-stream-listener'

describe('useEventStreamListener', () => {
  it('calls the listener with every payload in order, even within one tick', async () => {
    const { stream, transport } = fakeStream()
    const received: StockPrice[] = []
    const scope = effectScope()
    scope.run(() => useEventStreamListener(stream, 'stockUpdate', (quote) => received.push(quote)))
    await settle()
    transport.connections[0]?.open()
    transport.connections[0]?.send('stockUpdate', { symbol: 'MSFT', price: 1 })
    transport.connections[0]?.send('notice', 'not a quote')
    transport.connections[0]?.send('stockUpdate', { symbol: 'AAPL', price: 2 })
    expect(received).toEqual([
      { symbol: 'MSFT', price: 1 },
      { symbol: 'AAPL', price: 2 },
    ])
    scope.stop()
  })

  it('stops listening and disconnects when the scope is disposed', async () => {
    const { stream, transport } = fakeStream()
    const received: StockPrice[] = []
    const scope = effectScope()
    scope.run(() => useEventStreamListener(stream, 'stockUpdate', (quote) => received.push(quote)))
    await settle()
    scope.stop()
    transport.connections[0]?.send('stockUpdate', { symbol: 'MSFT', price: 1 })
    expect(received).toEqual([])
    expect(transport.connections[0]?.closed()).toBe(true)
  })

  it('creates and closes the stream for a URL', async () => {
    const transport = fakeTransport()
    const received: string[] = []
    const scope = effectScope()
    scope.run(() =>
      useEventStreamListener<StockEvents, 'notice'>(
        'http://127.0.0.1/notices',
        'notice',
        (text) => received.push(text),
        { transport },
      ),
    )
    await settle()
    transport.connections[0]?.send('notice', 'market opens')
    scope.stop()
    expect(received).toEqual(['market opens'])
    expect(transport.connections.map((c) => [c.request.url, c.closed()])).toEqual([
      ['http://127.0.0.1/notices', true],
    ])
  })
})
