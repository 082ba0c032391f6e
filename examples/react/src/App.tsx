import { useCreateEventStream } from '@rivulet/react'
import { ErrorNotice } from './ErrorNotice'
import { QuoteTable } from './QuoteTable'
import { StatusBadge } from './StatusBadge'
import { STOCKS_URL } from './stocks'
import type { StockEvents } from './stocks'

export function App() {
  // The default backoff grows to 30 s; a demo that you stop and restart should come back sooner.
  const stocks = useCreateEventStream<StockEvents>(STOCKS_URL, { retry: { maxDelay: 5000 } })
  return (
    <main>
      <header>
        <h1>Stock ticker</h1>
        <StatusBadge stream={stocks} />
      </header>
      <ErrorNotice stream={stocks} />
      <QuoteTable stream={stocks} />
      <footer>
        Live from <code>{STOCKS_URL}</code> with <code>@rivulet/react</code>
      </footer>
    </main>
  )
}
