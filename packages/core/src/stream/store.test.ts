import { describe, expect, it } from 'vitest'
import { fakeTransport } from '../../test/fake-transport'
import type { FakeTransport } from '../../test/fake-transport'
import { createEventStream } from './create-event-stream'
import {
  eventListStore,
  eventReducerStore,
  eventStreamStatusStore,
  eventStreamStore,
} from './store'

interface StockPrice {
  symbol: string
  price: number
}
type StockEvents = { stockUpdate: StockPrice; notice: string }

/** Lets the stream's asynchronous request factory run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup() {
  const transport: FakeTransport = fakeTransport()
  const stream = createEventStream<StockEvents>('http://127.0.0.1/stocks', {
    transport,
    retry: false,
  })
  const store = eventStreamStore(stream, 'stockUpdate')
  const send = (type: string, data: unknown, index = 0) =>
    transport.connections[index]?.subscriber.next({
      type: 'event',
      event: { type, data: JSON.stringify(data), lastEventId: '', id: undefined },
    })
  return { transport, stream, store, send }
}

describe('eventStreamStore', () => {
  it('starts idle with no data, before anything connects', () => {
    const { store, transport } = setup()
    expect(store.getSnapshot()).toEqual({
      data: undefined,
      status: { state: 'idle' },
      error: undefined,
    })
    expect(transport.connections).toHaveLength(0)
  })

  it('connects on subscribe and disconnects on the last unsubscribe', async () => {
    const { store, transport } = setup()
    const unsubscribeA = store.subscribe(() => {})
    const unsubscribeB = store.subscribe(() => {})
    await settle()
    expect(transport.connections).toHaveLength(1)
    unsubscribeA()
    expect(transport.connections[0]?.closed).toBe(false)
    unsubscribeB()
    expect(transport.connections[0]?.closed).toBe(true)
  })

  it('reports the latest payload of its type and the open status', async () => {
    const { store, transport, send } = setup()
    let changes = 0
    store.subscribe(() => changes++)
    await settle()
    transport.connections[0]?.subscriber.next({ type: 'open' })
    send('stockUpdate', { symbol: 'MSFT', price: 1 })
    send('notice', 'ignored')
    send('stockUpdate', { symbol: 'MSFT', price: 2 })
    expect(store.getSnapshot()).toEqual({
      data: { symbol: 'MSFT', price: 2 },
      status: { state: 'open' },
      error: undefined,
    })
    expect(changes).toBeGreaterThanOrEqual(3)
  })

  it('returns the same snapshot object until a field changes', async () => {
    const { store, transport, send } = setup()
    store.subscribe(() => {})
    await settle()
    transport.connections[0]?.subscriber.next({ type: 'open' })
    send('stockUpdate', { symbol: 'MSFT', price: 1 })
    const first = store.getSnapshot()
    send('notice', 'other type')
    expect(store.getSnapshot()).toBe(first)
    send('stockUpdate', { symbol: 'MSFT', price: 1 })
    expect(store.getSnapshot()).not.toBe(first)
  })

  it('shows a change made between reading the snapshot and subscribing', () => {
    const { stream, store } = setup()
    const rendered = store.getSnapshot()
    const other = stream.on('notice').subscribe()
    expect(stream.status.state).toBe('connecting')
    let heard = false
    const unsubscribe = store.subscribe(() => (heard = true))
    expect(heard).toBe(true)
    expect(store.getSnapshot()).not.toBe(rendered)
    expect(store.getSnapshot().status).toEqual({ state: 'connecting', attempt: 0 })
    unsubscribe()
    other.unsubscribe()
  })

  it('carries the error of a closed stream', async () => {
    const { store, transport } = setup()
    store.subscribe(() => {})
    await settle()
    const error = { kind: 'http', status: 404 } as const
    transport.connections[0]?.subscriber.error(error)
    expect(store.getSnapshot()).toEqual({
      data: undefined,
      status: { state: 'closed', reason: 'error', error: expect.objectContaining(error) },
      error: expect.objectContaining(error),
    })
  })

  it('keeps one initial snapshot for server rendering', () => {
    const { store } = setup()
    expect(store.getInitialSnapshot()).toBe(store.getInitialSnapshot())
    expect(store.getInitialSnapshot().status).toEqual({ state: 'idle' })
  })
})

describe('eventStreamStatusStore', () => {
  it('follows the status without ever connecting', async () => {
    const { stream, transport } = setup()
    const store = eventStreamStatusStore(stream)
    const seen: string[] = []
    const unsubscribe = store.subscribe(() => seen.push(store.getSnapshot().state))
    await settle()
    expect(transport.connections).toHaveLength(0)
    expect(store.getSnapshot()).toEqual({ state: 'idle' })
    const other = stream.on('notice').subscribe()
    await settle()
    transport.connections[0]?.subscriber.next({ type: 'open' })
    expect(store.getSnapshot()).toEqual({ state: 'open' })
    other.unsubscribe()
    unsubscribe()
    expect(seen).toEqual(['idle', 'connecting', 'open', 'idle'])
  })

  it('returns the same status object until the status changes', () => {
    const { stream } = setup()
    const store = eventStreamStatusStore(stream)
    expect(store.getSnapshot()).toBe(store.getSnapshot())
    stream.close()
    expect(store.getSnapshot()).toEqual({ state: 'closed', reason: 'closed', error: undefined })
    expect(store.getSnapshot()).toBe(store.getSnapshot())
  })

  it('starts idle for server rendering whatever the stream is doing', () => {
    const { stream } = setup()
    const store = eventStreamStatusStore(stream)
    stream.close()
    expect(store.getInitialSnapshot()).toEqual({ state: 'idle' })
    expect(store.getInitialSnapshot()).toBe(store.getInitialSnapshot())
  })
})

describe('eventReducerStore and eventListStore', () => {
  it('fold each event once, however many listen to the store', async () => {
    const { transport, stream } = setup()
    const count = eventReducerStore(stream, 'stockUpdate', (n: number) => n + 1, 0)
    const a = count.subscribe(() => {})
    const b = count.subscribe(() => {})
    await settle()
    expect(transport.connections).toHaveLength(1)
    transport.last?.send('stockUpdate', { symbol: 'MSFT', price: 1 })
    transport.last?.send('stockUpdate', { symbol: 'MSFT', price: 2 })
    expect(count.getSnapshot()).toBe(2)
    a()
    transport.last?.send('stockUpdate', { symbol: 'MSFT', price: 3 })
    expect(count.getSnapshot()).toBe(3)
    b()
    expect(transport.last?.closed).toBe(true)
  })

  it('keep every event of a burst, newest first and bounded', async () => {
    const { transport, stream } = setup()
    const feed = eventListStore(stream, 'stockUpdate', { max: 3 })
    let notified = 0
    feed.subscribe(() => notified++)
    await settle()
    for (let price = 1; price <= 5; price++)
      transport.last?.send('stockUpdate', { symbol: 'MSFT', price })
    expect(feed.getSnapshot().map((quote) => quote.price)).toEqual([5, 4, 3])
    expect(notified).toBeGreaterThanOrEqual(5)
  })

  it('refuse a max that is not a whole number from 1', () => {
    const { stream } = setup()
    for (const max of [0, -2, 1.5, Infinity, Number.NaN])
      expect(() => eventListStore(stream, 'stockUpdate', { max })).toThrow(RangeError)
  })
})
