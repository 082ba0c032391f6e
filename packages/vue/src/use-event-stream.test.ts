import type { ConnectionError, EventStream } from '@rivulet/core'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, effectScope, h, ref, shallowRef } from 'vue'
import { fakeTransport } from '@rivulet/core/testing'
import { fakeStream, settle } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import { useEventStream } from './use-event-stream'

/** Renders the latest quote and the status of a stream. */
function quoteOf(stream: EventStream<StockEvents>) {
  return defineComponent({
    setup() {
      const { data, status, error } = useEventStream(stream, 'stockUpdate')
      return () =>
        h('p', [
          `${status.value.state}:`,
          data.value ? `${data.value.symbol}=${data.value.price}` : '-',
          error.value ? `!${error.value.kind}` : '',
        ])
    },
  })
}

const networkError: ConnectionError = { kind: 'network', message: 'reset', cause: undefined }

describe('useEventStream', () => {
  it('fills data and status from the stream as events arrive', async () => {
    const { stream, transport } = fakeStream()
    const wrapper = mount(quoteOf(stream))
    await settle()
    expect(wrapper.text()).toBe('connecting:-')

    transport.connections[0]?.open()
    transport.connections[0]?.send('stockUpdate', { symbol: 'MSFT', price: 420.5 })
    await settle()
    expect(wrapper.text()).toBe('open:MSFT=420.5')

    transport.connections[0]?.send('notice', 'ignored by this reader')
    transport.connections[0]?.send('stockUpdate', { symbol: 'AAPL', price: 230 })
    await settle()
    expect(wrapper.text()).toBe('open:AAPL=230')
    wrapper.unmount()
  })

  it('reports the error behind a reconnecting status', async () => {
    const { stream, transport } = fakeStream({ retry: { initialDelay: 60_000, jitter: 0 } })
    const scope = effectScope()
    const result = scope.run(() => useEventStream(stream, 'stockUpdate'))
    await settle()
    transport.connections[0]?.subscriber.error(networkError)
    expect(result?.status.value).toMatchObject({
      state: 'reconnecting',
      attempt: 1,
      delay: 60_000,
      error: networkError,
      resumable: false,
    })
    expect(result?.error.value).toBe(networkError)
    scope.stop()
  })

  it('shares one connection between two components, kept until the last one leaves', async () => {
    const { stream, transport } = fakeStream()
    const Quote = quoteOf(stream)
    const second = ref(true)
    const wrapper = mount(
      defineComponent({ render: () => h('div', [h(Quote), second.value ? h(Quote) : null]) }),
    )
    await settle()
    transport.connections[0]?.open()
    transport.connections[0]?.send('stockUpdate', { symbol: 'NVDA', price: 141.97 })
    await settle()
    expect(transport.connections).toHaveLength(1)
    expect(wrapper.findAll('p').map((p) => p.text())).toEqual([
      'open:NVDA=141.97',
      'open:NVDA=141.97',
    ])

    second.value = false
    await settle()
    expect(wrapper.findAll('p')).toHaveLength(1)
    expect(transport.connections.map((c) => c.closed)).toEqual([false])
    wrapper.unmount()
    expect(transport.connections.map((c) => c.closed)).toEqual([true])
  })

  it('disconnects on unmount and leaves a stream it was given open for others', async () => {
    const { stream, transport } = fakeStream()
    const wrapper = mount(quoteOf(stream))
    await settle()
    transport.connections[0]?.open()
    wrapper.unmount()
    expect(transport.connections[0]?.closed).toBe(true)
    expect(stream.status).toEqual({ state: 'idle' })
  })

  it('creates the stream for a URL and closes it when the scope is disposed', async () => {
    const transport = fakeTransport()
    const scope = effectScope()
    const result = scope.run(() =>
      useEventStream<StockEvents, 'stockUpdate'>('http://127.0.0.1/a', 'stockUpdate', {
        transport,
      }),
    )
    await settle()
    expect(transport.connections.map((c) => c.request.url)).toEqual(['http://127.0.0.1/a'])
    transport.connections[0]?.open()
    expect(result?.status.value).toEqual({ state: 'open' })

    scope.stop()
    expect(transport.connections[0]?.closed).toBe(true)
    await settle()
    expect(transport.connections).toHaveLength(1)
  })

  it('closes the old stream and opens a new one when a reactive URL changes', async () => {
    const transport = fakeTransport()
    const url = ref('http://127.0.0.1/a')
    const scope = effectScope()
    const result = scope.run(() =>
      useEventStream<StockEvents, 'stockUpdate'>(url, 'stockUpdate', { transport, retry: false }),
    )
    await settle()
    transport.connections[0]?.open()
    transport.connections[0]?.send('stockUpdate', { symbol: 'MSFT', price: 1 })
    expect(result?.data.value).toEqual({ symbol: 'MSFT', price: 1 })

    url.value = 'http://127.0.0.1/b'
    await settle()
    expect(transport.connections.map((c) => [c.request.url, c.closed])).toEqual([
      ['http://127.0.0.1/a', true],
      ['http://127.0.0.1/b', false],
    ])
    // The new stream's own state: nothing carried over from the old one.
    expect(result?.data.value).toBeUndefined()
    expect(result?.status.value).toEqual({ state: 'connecting', attempt: 0 })
    scope.stop()
    expect(transport.connections[1]?.closed).toBe(true)
  })

  it('keeps the connection when a URL getter returns an equal URL object', async () => {
    const transport = fakeTransport()
    const tick = ref(0)
    const scope = effectScope()
    scope.run(() =>
      useEventStream<StockEvents, 'stockUpdate'>(
        () => (tick.value, new URL('http://127.0.0.1/a')),
        'stockUpdate',
        { transport },
      ),
    )
    await settle()
    tick.value++
    await settle()
    expect(transport.connections.map((c) => c.closed)).toEqual([false])
    scope.stop()
  })

  it('follows a ref of streams, leaving each stream it leaves unclosed', async () => {
    const a = fakeStream()
    const b = fakeStream()
    const current = shallowRef(a.stream)
    const scope = effectScope()
    const result = scope.run(() => useEventStream(current, 'stockUpdate'))
    await settle()
    a.transport.connections[0]?.open()
    a.transport.connections[0]?.send('stockUpdate', { symbol: 'A', price: 1 })

    current.value = b.stream
    await settle()
    expect(a.transport.connections[0]?.closed).toBe(true)
    expect(a.stream.status).toEqual({ state: 'idle' })
    expect(a.stream.latest('stockUpdate')).toEqual({ symbol: 'A', price: 1 })
    expect(result?.data.value).toBeUndefined()
    expect(b.transport.connections).toHaveLength(1)
    scope.stop()
  })
})
