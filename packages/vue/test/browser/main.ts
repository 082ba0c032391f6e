// The ticker's "latest updates, newest first", served by Vite to Chromium by ../chromium.test.ts.
import { createEventStream } from '@rivulet/core'
import { createApp, defineComponent, h } from 'vue'
import { useEventList, useEventStreamStatus } from '../../src/index'

interface StockPriceEvent {
  id: number
  symbol: string
  price: number
  timestamp: string
}

const MAX = 5

/** Counts the requests the stream makes, for the test. */
const page = globalThis as { requests?: number }
page.requests = 0

const stocks = createEventStream<{ stockUpdate: StockPriceEvent }>(
  import.meta.env.VITE_STOCKS_URL,
  {
    fetch: (input, init) => {
      page.requests = (page.requests ?? 0) + 1
      return fetch(input, init)
    },
  },
)

const RecentUpdates = defineComponent({
  setup() {
    const updates = useEventList(stocks, 'stockUpdate', { max: MAX })
    const status = useEventStreamStatus(stocks)
    return () =>
      h('section', [
        h('p', { id: 'status' }, status.value.state),
        h(
          'ol',
          { id: 'updates' },
          updates.value.map((quote) =>
            h('li', { key: quote.id }, `${quote.id} ${quote.symbol} ${quote.price.toFixed(2)}`),
          ),
        ),
      ])
  },
})

createApp(RecentUpdates).mount('#root')
