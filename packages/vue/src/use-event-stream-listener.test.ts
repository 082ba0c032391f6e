import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { fakeTransport } from '@rivulet/core/testing'
import { fakeStream, settle } from '../test/stocks'
import type { StockEvents, StockPrice } from '../test/stocks'
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
    expect(transport.connections[0]?.closed).toBe(true)
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
    expect(transport.connections.map((c) => [c.request.url, c.closed])).toEqual([
      ['http://127.0.0.1/notices', true],
    ])
  })

  it('keeps hearing after the stream gave up and was restarted', async () => {
    const { stream, transport } = fakeStream({ retry: { maxAttempts: 0 } })
    const heard: string[] = []
    const scope = effectScope()
    scope.run(() => useEventStreamListener(stream, 'stockUpdate', (q) => heard.push(q.symbol)))
    const first = await transport.connected()
    first.send('stockUpdate', { symbol: 'MSFT', price: 1 })
    first.fail()
    stream.restart()
    ;(await transport.connected()).send('stockUpdate', { symbol: 'AAPL', price: 2 })
    expect(heard).toEqual(['MSFT', 'AAPL'])
    scope.stop()
  })

  it('neither hears nor connects while disabled', async () => {
    const { stream, transport } = fakeStream()
    const enabled = ref(false)
    const heard: string[] = []
    const scope = effectScope()
    scope.run(() =>
      useEventStreamListener(stream, 'stockUpdate', (q) => heard.push(q.symbol), { enabled }),
    )
    await settle()
    expect(transport.connections).toEqual([])
    enabled.value = true
    const server = await transport.connected()
    server.send('stockUpdate', { symbol: 'MSFT', price: 1 })
    enabled.value = false
    await nextTick()
    expect([heard, server.closed]).toEqual([['MSFT'], true])
    scope.stop()
  })
})
