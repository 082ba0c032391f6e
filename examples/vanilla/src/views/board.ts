import {
  direction,
  formatChangeWithPercent,
  formatPrice,
  SPARKLINE,
  sparkline,
} from '@rivulet/example-shared'
import type { Board, BoardRow } from '@rivulet/example-shared'
import { byId, el, svg } from '../dom'

/** Redraws the board: eight rows, so replacing them beats diffing them. */
export function renderBoard(board: Board): void {
  byId('board').replaceChildren(...board.map(boardRow))
}

function boardRow(row: BoardRow): HTMLTableRowElement {
  const tr = el('tr', '')
  tr.dataset.symbol = row.symbol
  const symbol = el('th', 'symbol', row.symbol)
  symbol.scope = 'row'
  tr.append(
    symbol,
    el('td', 'price', formatPrice(row.quote?.price)),
    el(
      'td',
      `change ${direction(row.change)}`,
      formatChangeWithPercent(row.change, row.quote?.price),
    ),
    el('td', 'trend', trend(row)),
  )
  return tr
}

function trend(row: BoardRow): SVGSVGElement {
  const line = sparkline(row.symbol, row.history)
  const { width, height } = SPARKLINE
  return svg(
    'svg',
    {
      class: 'spark',
      'data-trend': line.trend,
      role: 'img',
      'aria-label': line.label,
      viewBox: `0 0 ${width} ${height}`,
      width: String(width),
      height: String(height),
    },
    svg('polyline', { points: line.points }),
  )
}
