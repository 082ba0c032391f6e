import { createEventStream } from '@rivulet/core'
import { sseHandler } from '@rivulet/core/msw'
import { useEventList } from '@rivulet/vue'
import { mount } from '@vue/test-utils'
import { EventSource } from 'eventsource'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'

globalThis.EventSource ??= EventSource as unknown as typeof globalThis.EventSource

type StockEvents = { stockUpdate: { symbol: string; price: number } }
const endpoint = sseHandler<StockEvents>('https://api.example.com/stocks')
const server = setupServer(endpoint.handler)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const stocks = createEventStream<StockEvents>('https://api.example.com/stocks', {
  retry: { initialDelay: 1, minDelay: 1 },
})

const Symbols = defineComponent({
  setup() {
    const updates = useEventList(stocks, 'stockUpdate')
    return () => h('output', updates.value.map((quote) => quote.symbol).join(', '))
  },
})

it('resumes from the last event ID after the connection drops', async () => {
  const wrapper = mount(Symbols)
  const first = await endpoint.connected()
  first.send('stockUpdate', { symbol: 'MSFT', price: 420.5 }, { id: '1' })
  await expect.poll(() => wrapper.text()).toBe('MSFT')
  first.fail() // a network error: the stream reconnects

  const second = await endpoint.connected()
  second.send('stockUpdate', { symbol: 'AAPL', price: 230 }, { id: '2' })
  await expect.poll(() => wrapper.text()).toBe('AAPL, MSFT')
  expect(second.lastEventId).toBe('1')
  wrapper.unmount()
})
