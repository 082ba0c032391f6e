import { useCreateEventStream } from '@rivulet/react'
import type { StockEvents } from '@rivulet/example-shared'
import { Board } from './components/Board'
import { ConnectionPanel } from './components/ConnectionPanel'
import { Feed } from './components/Feed'
import { Outages } from './components/Outages'
import { ResetNotice } from './components/ResetNotice'
import { config } from './stocks'
import { useConnection, useTicker } from './use-ticker'

export function App() {
  const stocks = useCreateEventStream<StockEvents>(config.stocksUrl, config.streamOptions)
  const { ticker, dismissReset } = useTicker(stocks)
  const connection = useConnection(stocks)
  return (
    <div className="ticker">
      <header className="top">
        <div>
          <h1>Live Stock Market Updates</h1>
          <p className="subtitle">Server-Sent Events with Rivulet · React</p>
        </div>
        <p className="source">
          Stream <code id="source">{config.stocksUrl}</code>
        </p>
      </header>
      <div className="layout">
        <main className="main">
          {ticker.reset && <ResetNotice reset={ticker.reset.event} onDismiss={dismissReset} />}
          <Board board={ticker.board} />
          <Feed ticker={ticker} />
        </main>
        <aside className="side" aria-label="Connection and outages">
          <ConnectionPanel connection={connection} ids={ticker.ids} />
          <Outages controlUrl={config.controlUrl} idleTimeout={config.idleTimeout} />
        </aside>
      </div>
      <footer>
        <p>
          Example app <code>examples/react</code>: <code>@rivulet/react</code> hooks under
          StrictMode, one connection.
        </p>
      </footer>
    </div>
  )
}
