import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, effectScope, h, nextTick, ref } from 'vue'
import type { EventStream } from '@rivulet/core'
import { fakeTransport } from '@rivulet/core/testing'
import { fakeStream, settle } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import { useEventStream } from './use-event-stream'

/** A ticker with the buttons an app puts beside it. */
function tickerOf(stream: EventStream<StockEvents> | null) {
  return defineComponent({
    setup() {
      const { data, status, lastEventId, reconnect, restart, close } = useEventStream(
        stream,
        'stockUpdate',
      )
      return () =>
        h('div', [
          h('output', `${status.value.state}|${data.value?.symbol ?? 'none'}|${lastEventId.value}`),
          h('button', { id: 'retry', onClick: reconnect }, 'Retry now'),
          h('button', { id: 'restart', onClick: restart }, 'Restart'),
          h('button', { id: 'close', onClick: close }, 'Close'),
        ])
    },
  })
}

describe('useEventStream’s last event ID, controls and enabled option', () => {
  it('shows the last event ID, and “Retry now” skips a long wait', async () => {
    const { stream, transport } = fakeStream({ retry: { initialDelay: 60_000, jitter: 0 } })
    const wrapper = mount(tickerOf(stream))
    const first = await transport.connected()
    first.open()
    first.send('stockUpdate', { symbol: 'MSFT', price: 1 }, { id: 'q1' })
    await nextTick()
    expect(wrapper.get('output').text()).toBe('open|MSFT|q1')
    first.fail()
    expect(stream.status).toMatchObject({ state: 'reconnecting', delay: 60_000 })

    await wrapper.get('#retry').trigger('click')
    const second = await transport.connected()
    await nextTick()
    expect([second.request.lastEventId, wrapper.get('output').text()]).toEqual([
      'q1',
      'connecting|MSFT|q1',
    ])
    wrapper.unmount()
  })

  it('restarts a stream that gave up, reads it again, and closes it', async () => {
    const { stream, transport } = fakeStream({ retry: { maxAttempts: 0 } })
    const wrapper = mount(tickerOf(stream))
    const first = await transport.connected()
    first.send('stockUpdate', { symbol: 'MSFT', price: 1 }, { id: 'q1' })
    first.fail()
    await nextTick()
    expect(wrapper.get('output').text()).toBe('closed|MSFT|q1')

    await wrapper.get('#restart').trigger('click')
    const second = await transport.connected()
    second.open()
    second.send('stockUpdate', { symbol: 'AAPL', price: 2 }, { id: 'q2' })
    await nextTick()
    expect([second.request.lastEventId, wrapper.get('output').text()]).toEqual([
      'q1',
      'open|AAPL|q2',
    ])
    await wrapper.get('#close').trigger('click')
    expect([stream.status.state, second.closed]).toEqual(['closed', true])
    wrapper.unmount()
  })

  it('follows the status without connecting while disabled', async () => {
    const { stream, transport } = fakeStream()
    const enabled = ref(false)
    const scope = effectScope()
    const result = scope.run(() => useEventStream(stream, 'stockUpdate', { enabled }))
    await settle()
    expect([result?.status.value, transport.connections]).toEqual([{ state: 'idle' }, []])

    // Another reader connects the stream: the disabled one shows its status, not its events.
    const other = stream.on('notice').subscribe()
    const server = await transport.connected()
    server.open()
    server.send('stockUpdate', { symbol: 'MSFT', price: 1 })
    expect([result?.status.value, result?.data.value]).toEqual([{ state: 'open' }, undefined])

    enabled.value = true
    await nextTick()
    server.send('stockUpdate', { symbol: 'AAPL', price: 2 })
    expect(result?.data.value).toEqual({ symbol: 'AAPL', price: 2 })
    other.unsubscribe()
    enabled.value = false
    await nextTick()
    expect([server.closed, stream.status.state]).toEqual([true, 'idle'])
    scope.stop()
  })

  it('reads nothing for a null source, and its controls do nothing', async () => {
    const wrapper = mount(tickerOf(null))
    for (const id of ['#retry', '#restart', '#close']) await wrapper.get(id).trigger('click')
    await settle()
    expect(wrapper.get('output').text()).toBe('idle|none|')
    wrapper.unmount()
  })

  it('keeps the stream it made for a URL while disabled, and resumes it from its last id', async () => {
    const transport = fakeTransport()
    const enabled = ref(true)
    const scope = effectScope()
    const result = scope.run(() =>
      useEventStream<StockEvents, 'stockUpdate'>('http://127.0.0.1/a', 'stockUpdate', {
        transport,
        enabled,
      }),
    )
    const first = await transport.connected()
    first.send('stockUpdate', { symbol: 'MSFT', price: 1 }, { id: 'q1' })
    enabled.value = false
    await nextTick()
    expect([first.closed, result?.status.value, result?.lastEventId.value]).toEqual([
      true,
      { state: 'idle' },
      'q1',
    ])
    enabled.value = true
    const second = await transport.connected()
    expect([second.request.url, second.request.lastEventId]).toEqual(['http://127.0.0.1/a', 'q1'])
    scope.stop()
    expect(second.closed).toBe(true)
  })
})
