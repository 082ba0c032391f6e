import { createEventStream } from '@rivulet/core'
import type { EventStream } from '@rivulet/core'
import { fakeTransport } from '@rivulet/core/testing'
import { useEventList, useEventStream } from '@rivulet/vue'
import { mount } from '@vue/test-utils'
import { expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import type { PropType } from 'vue'

type StockEvents = { stockUpdate: { symbol: string; price: number } }

// The component under test; yours is usually a .vue file.
const Ticker = defineComponent({
  props: { stocks: { type: Object as PropType<EventStream<StockEvents>>, required: true } },
  setup(props) {
    const { status, restart } = useEventStream(() => props.stocks, 'stockUpdate')
    const updates = useEventList(() => props.stocks, 'stockUpdate', { max: 2 })
    return () =>
      h('section', [
        h('p', { role: 'status' }, status.value.state),
        h(
          'ul',
          updates.value.map((quote, i) => h('li', { key: i }, `${quote.symbol} ${quote.price}`)),
        ),
        status.value.state === 'closed' ? h('button', { onClick: restart }, 'Reconnect') : null,
      ])
  },
})

it('lists the latest quotes, newest first', async () => {
  const transport = fakeTransport()
  const stocks = createEventStream<StockEvents>('https://api.example.com/stocks', { transport })
  const wrapper = mount(Ticker, { props: { stocks } })

  const server = await transport.connected()
  server.open()
  server.send('stockUpdate', { symbol: 'MSFT', price: 420.5 })
  server.send('stockUpdate', { symbol: 'AAPL', price: 230 })
  server.send('stockUpdate', { symbol: 'NVDA', price: 141.97 })
  await nextTick()
  expect(wrapper.get('[role=status]').text()).toBe('open')
  expect(wrapper.findAll('li').map((item) => item.text())).toEqual(['NVDA 141.97', 'AAPL 230'])
  wrapper.unmount()
})

it('reconnects from the button after the server gave a fatal answer', async () => {
  const transport = fakeTransport()
  const stocks = createEventStream<StockEvents>('https://api.example.com/stocks', { transport })
  const wrapper = mount(Ticker, { props: { stocks } })

  const first = await transport.connected()
  first.send('stockUpdate', { symbol: 'MSFT', price: 420.5 }, { id: '41' })
  first.fail({ status: 404 }) // fatal: the stream closes
  await nextTick()
  await wrapper.get('button').trigger('click')

  const second = await transport.connected()
  expect(second.request.lastEventId).toBe('41')
  expect(wrapper.get('[role=status]').text()).toBe('connecting')
  wrapper.unmount()
})
