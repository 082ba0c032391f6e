import type { EventStream } from '@rivulet/core'
import { useEventStream } from '@rivulet/react'
import type { QuoteRow } from './quote-rows'
import type { StockEvents } from './stocks'
import { useQuotes } from './use-quotes'

const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
const change = new Intl.NumberFormat('en-US', {
  signDisplay: 'exceptZero',
  minimumFractionDigits: 2,
})
const time = (iso: string) => new Date(iso).toLocaleTimeString()

export function QuoteTable({ stream }: { stream: EventStream<StockEvents> }) {
  const rows = useQuotes(stream)
  const latest = useEventStream(stream, 'stockUpdate').data
  return (
    <table>
      <caption>
        {latest === undefined
          ? 'Waiting for the first quote…'
          : `Latest: ${latest.symbol} at ${time(latest.timestamp)} (quote #${latest.id})`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Symbol</th>
          <th scope="col">Price</th>
          <th scope="col">Change</th>
          <th scope="col">Last update</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row key={row.symbol} row={row} />
        ))}
      </tbody>
    </table>
  )
}

function Row({ row }: { row: QuoteRow }) {
  const direction =
    row.change === undefined || row.change === 0 ? 'flat' : row.change > 0 ? 'up' : 'down'
  const arrow = { up: '▲', down: '▼', flat: '' }[direction]
  return (
    <tr data-symbol={row.symbol}>
      <th scope="row">{row.symbol}</th>
      {/* Keyed by quote id: a new cell restarts the flash animation on every update. */}
      <td key={row.id} className={`price flash-${direction}`}>
        {price.format(row.price)}
      </td>
      <td className={`change ${direction}`}>
        {row.change === undefined ? '—' : `${arrow} ${change.format(row.change)}`}
      </td>
      <td className="time">
        <time dateTime={row.timestamp}>{time(row.timestamp)}</time>
      </td>
    </tr>
  )
}
