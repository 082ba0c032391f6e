import { fakeTransport } from '@rivulet/core/testing'
import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import type { StockEvents } from '../test/stocks'
import { useCreateEventStream } from './use-create-event-stream'
import { useEventList } from './use-event-list'

describe('useCreateEventStream', () => {
  it('creates a stream per URL, closes the old one, and closes the last with the scope', async () => {
    const transport = fakeTransport()
    const url = ref<string | null>(null)
    const scope = effectScope()
    const result = scope.run(() => {
      const stocks = useCreateEventStream<StockEvents>(url, { transport, retry: false })
      return { stocks, notices: useEventList(stocks, 'notice') }
    })
    expect(result?.stocks.value).toBeUndefined()

    url.value = 'http://127.0.0.1/a'
    await nextTick()
    const a = result?.stocks.value
    const first = await transport.connected()
    first.send('notice', 'from a')
    expect(result?.notices.value).toEqual(['from a'])

    url.value = 'http://127.0.0.1/b'
    await nextTick()
    const second = await transport.connected()
    expect([a?.status.state, first.closed, second.request.url]).toEqual([
      'closed',
      true,
      'http://127.0.0.1/b',
    ])
    expect(result?.notices.value).toEqual([])
    const b = result?.stocks.value
    scope.stop()
    expect([b?.status.state, second.closed]).toEqual(['closed', true])
  })

  it('keeps the stream when a getter builds an equal URL again', async () => {
    const tick = ref(0)
    const scope = effectScope()
    const stocks = scope.run(() =>
      useCreateEventStream(() => (tick.value, new URL('http://127.0.0.1/a'))),
    )
    const before = stocks?.value
    tick.value++
    await nextTick()
    expect(stocks?.value).toBe(before)
    scope.stop()
  })
})
