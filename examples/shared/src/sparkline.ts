// A sparkline of recent prices as the `points` of an SVG polyline: a dozen lines by hand rather
// than a charting library for one shape. Each app renders the same <svg> around it.

import { formatPrice } from './format'

export const SPARKLINE = { width: 96, height: 28, pad: 2 } as const

export interface Sparkline {
  /** `x,y` pairs for `<polyline points>`; empty below two prices. */
  readonly points: string
  readonly trend: 'up' | 'down' | 'flat'
  /** The accessible name of the `<svg role="img">`. */
  readonly label: string
}

export function sparkline(symbol: string, prices: readonly number[]): Sparkline {
  const first = prices[0]
  const last = prices.at(-1)
  if (first === undefined || last === undefined || prices.length < 2) {
    return { points: '', trend: 'flat', label: `${symbol}: no trend yet` }
  }
  const { width, height, pad } = SPARKLINE
  const low = Math.min(...prices)
  const high = Math.max(...prices)
  // A flat series sits in the middle rather than dividing by zero.
  const span = high - low || 1
  const step = (width - 2 * pad) / (prices.length - 1)
  const points = prices
    .map((value, i) => {
      const x = pad + i * step
      const y = high === low ? height / 2 : pad + ((high - value) / span) * (height - 2 * pad)
      return `${round(x)},${round(y)}`
    })
    .join(' ')
  const trend = last > first ? 'up' : last < first ? 'down' : 'flat'
  const label = `${symbol}: last ${prices.length} prices, from ${formatPrice(first)} to ${formatPrice(last)}`
  return { points, trend, label }
}

const round = (n: number): number => Math.round(n * 10) / 10
