import { fakeTransport } from '@rivulet/core/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, effectScope, h, nextTick, ref, shallowRef } from 'vue'
import type { EventStream } from '@rivulet/core'
import { fakeStream, settle } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import { useEventList } from './use-event-list'

describe('useEventList', () => {
  it('keeps every payload of a burst, newest first, at most max, and renders once', async () => {
    const { stream, transport } = fakeStream()
    let renders = 0
    const Feed = defineComponent({
      setup() {
        const updates = useEventList(stream, 'stockUpdate', { max: 3 })
        return () => (renders++, h('p', updates.value.map((q) => q.symbol).join(',')))
      },
    })
    const wrapper = mount(Feed)
    const server = await transport.connected()
    await nextTick()
    renders = 0
    server.open()
    for (const symbol of ['MSFT', 'AAPL', 'NVDA', 'TSLA'])
      server.send('stockUpdate', { symbol, price: 1 })
    server.send('notice', 'not a quote')
    await nextTick()
    expect(wrapper.text()).toBe('TSLA,NVDA,AAPL')
    expect(renders).toBe(1)
    wrapper.unmount()
    expect(server.closed).toBe(true)
  })

  it('lets go of the stream while disabled, keeps the list, and resumes from the last id', async () => {
    const { stream, transport } = fakeStream()
    const enabled = ref(true)
    const scope = effectScope()
    const updates = scope.run(() => useEventList(stream, 'stockUpdate', { enabled }))
    const first = await transport.connected()
    first.send('stockUpdate', { symbol: 'MSFT', price: 1 }, { id: 'q1' })

    enabled.value = false
    await nextTick()
    expect([first.closed, stream.status.state, updates?.value.length]).toEqual([true, 'idle', 1])

    enabled.value = true
    const second = await transport.connected()
    second.send('stockUpdate', { symbol: 'AAPL', price: 2 })
    expect(second.request.lastEventId).toBe('q1')
    expect(updates?.value.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT'])
    scope.stop()
  })

  it('reads the stream again after it gave up and was restarted, keeping what it had', async () => {
    const { stream, transport } = fakeStream({ retry: { maxAttempts: 0 } })
    const scope = effectScope()
    const updates = scope.run(() => useEventList(stream, 'stockUpdate'))
    const first = await transport.connected()
    first.send('stockUpdate', { symbol: 'MSFT', price: 1 }, { id: 'q1' })
    first.fail()
    expect(stream.status).toMatchObject({ state: 'closed', error: { kind: 'gave-up' } })

    stream.restart()
    const second = await transport.connected()
    second.send('stockUpdate', { symbol: 'AAPL', price: 2 })
    expect(second.request.lastEventId).toBe('q1')
    expect(updates?.value.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT'])
    scope.stop()
  })

  it('starts empty for each new stream of a ref, and is empty without one', async () => {
    const a = fakeStream()
    const b = fakeStream()
    const current = shallowRef<EventStream<StockEvents> | null>(a.stream)
    const scope = effectScope()
    const updates = scope.run(() => useEventList(current, 'stockUpdate'))
    ;(await a.transport.connected()).send('stockUpdate', { symbol: 'MSFT', price: 1 })
    expect(updates?.value).toHaveLength(1)
    current.value = b.stream
    const server = await b.transport.connected()
    expect([updates?.value, a.transport.last?.closed]).toEqual([[], true])
    current.value = null
    await settle()
    expect([updates?.value, server.closed]).toEqual([[], true])
    scope.stop()
  })

  it('creates the stream for a URL with the options, and closes it with the scope', async () => {
    const transport = fakeTransport()
    const scope = effectScope()
    const updates = scope.run(() =>
      useEventList<StockEvents, 'notice'>('http://127.0.0.1/notices', 'notice', {
        transport,
        max: 2,
      }),
    )
    const server = await transport.connected()
    for (const notice of ['a', 'b', 'c']) server.send('notice', notice)
    expect([server.request.url, updates?.value]).toEqual(['http://127.0.0.1/notices', ['c', 'b']])
    scope.stop()
    expect(server.closed).toBe(true)
  })
})
