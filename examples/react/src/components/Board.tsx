import { memo } from 'react'
import {
  direction,
  formatChangeWithPercent,
  formatPrice,
  SPARKLINE,
  sparkline,
} from '@rivulet/example-shared'
import type { Board as BoardRows, BoardRow } from '@rivulet/example-shared'

export const Board = memo(function Board({ board }: { board: BoardRows }) {
  return (
    <section className="panel board" aria-labelledby="board-title">
      <h2 id="board-title">Market</h2>
      <table aria-labelledby="board-title">
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Price</th>
            <th scope="col">Change</th>
            <th scope="col">Trend</th>
          </tr>
        </thead>
        <tbody id="board">
          {board.map((row) => (
            <Row key={row.symbol} row={row} />
          ))}
        </tbody>
      </table>
    </section>
  )
})

function Row({ row }: { row: BoardRow }) {
  const line = sparkline(row.symbol, row.history)
  const { width, height } = SPARKLINE
  return (
    <tr data-symbol={row.symbol}>
      <th scope="row" className="symbol">
        {row.symbol}
      </th>
      <td className="price">{formatPrice(row.quote?.price)}</td>
      <td className={`change ${direction(row.change)}`}>
        {formatChangeWithPercent(row.change, row.quote?.price)}
      </td>
      <td className="trend">
        <svg
          className="spark"
          data-trend={line.trend}
          role="img"
          aria-label={line.label}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
        >
          <polyline points={line.points} />
        </svg>
      </td>
    </tr>
  )
}
