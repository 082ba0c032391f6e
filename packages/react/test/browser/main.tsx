// The ticker's "latest updates, newest first", served by Vite to Chromium by ../chromium.test.ts.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createEventStream } from '@rivulet/core'
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
    keepAlive: 1000,
    fetch: (input, init) => {
      page.requests = (page.requests ?? 0) + 1
      return fetch(input, init)
    },
  },
)

function RecentUpdates() {
  const updates = useEventList(stocks, 'stockUpdate', { max: MAX })
  const status = useEventStreamStatus(stocks)
  return (
    <section>
      <p id="status">{status.state}</p>
      <ol id="updates">
        {updates.map((quote) => (
          <li key={quote.id}>{`${quote.id} ${quote.symbol} ${quote.price.toFixed(2)}`}</li>
        ))}
      </ol>
    </section>
  )
}

const root = document.getElementById('root')
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <RecentUpdates />
    </StrictMode>,
  )
}
