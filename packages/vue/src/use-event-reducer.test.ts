import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref, shallowRef } from 'vue'
import { fakeStream } from '../test/stocks'
import type { StockPrice } from '../test/stocks'
import { useEventReducer } from './use-event-reducer'

type Prices = Readonly<Record<string, number>>

describe('useEventReducer', () => {
  it('applies the reducer once per event, also within one tick', async () => {
    const { stream, transport } = fakeStream()
    const calls: string[] = []
    const byQuote = (prices: Prices, q: StockPrice): Prices => {
      calls.push(q.symbol)
      return { ...prices, [q.symbol]: q.price }
    }
    const scope = effectScope()
    const prices = scope.run(() => useEventReducer(stream, 'stockUpdate', byQuote, {}))
    const server = await transport.connected()
    server.send('stockUpdate', { symbol: 'MSFT', price: 1 })
    server.send('stockUpdate', { symbol: 'AAPL', price: 2 })
    server.send('stockUpdate', { symbol: 'MSFT', price: 3 })
    expect(calls).toEqual(['MSFT', 'AAPL', 'MSFT'])
    expect(prices?.value).toEqual({ MSFT: 3, AAPL: 2 })
    scope.stop()
  })

  it('keeps its value while disabled, and starts from initial for a new stream', async () => {
    const a = fakeStream({ keepAlive: 1000 })
    const b = fakeStream()
    const current = shallowRef(a.stream)
    const enabled = ref(true)
    const scope = effectScope()
    const count = scope.run(() =>
      useEventReducer(current, 'stockUpdate', (n: number) => n + 1, 0, { enabled }),
    )
    const server = await a.transport.connected()
    server.send('stockUpdate', { symbol: 'MSFT', price: 1 })
    enabled.value = false
    await nextTick()
    // keepAlive holds the connection, but this reader no longer listens.
    server.send('stockUpdate', { symbol: 'MSFT', price: 2 })
    expect(count?.value).toBe(1)

    enabled.value = true
    current.value = b.stream
    ;(await b.transport.connected()).send('stockUpdate', { symbol: 'AAPL', price: 3 })
    expect(count?.value).toBe(1)
    scope.stop()
  })
})
