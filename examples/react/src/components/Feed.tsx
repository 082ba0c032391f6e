import {
  describeReset,
  direction,
  formatChange,
  formatPrice,
  formatRate,
  formatTime,
  ratePerSecond,
} from '@rivulet/example-shared'
import type { FeedEntry, TickerState } from '@rivulet/example-shared'
import { useNow } from '../use-ticker'

export function Feed({ ticker }: { ticker: TickerState }) {
  return (
    <section className="panel feed" aria-labelledby="feed-title">
      <div className="panel-head">
        <h2 id="feed-title">Live updates</h2>
        <p className="stats">
          <strong id="received">{ticker.received}</strong> received ·{' '}
          <Rate arrivals={ticker.arrivals} /> per second
        </p>
      </div>
      {ticker.feed.length === 0 ? (
        <p id="feed-empty" className="empty">
          Waiting for the first update…
        </p>
      ) : (
        <ol id="updates" className="updates" tabIndex={0} aria-labelledby="feed-title">
          {ticker.feed.map((entry) => (
            <Entry key={entry.seq} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  )
}

/** Only this re-renders with the clock. */
function Rate({ arrivals }: { arrivals: readonly number[] }) {
  const now = useNow()
  return <strong id="rate">{formatRate(ratePerSecond(arrivals, now))}</strong>
}

function Entry({ entry }: { entry: FeedEntry }) {
  if (entry.kind === 'reset') {
    return <li className="marker">Feed reset · {describeReset(entry.reset)}</li>
  }
  const { quote, change } = entry
  return (
    <li className={`update ${direction(change)}`} data-id={String(quote.id)}>
      <time dateTime={quote.timestamp}>{formatTime(quote.timestamp)}</time>
      <span className="symbol">{quote.symbol}</span>
      <span className="price">{formatPrice(quote.price)}</span>
      <span className="change">{formatChange(change)}</span>
    </li>
  )
}
