// Figures of interleaved rounds: the median of each measure and its spread (lowest to highest),
// and the ratio of two scenarios taken round by round (both ran back to back, under the same
// load from the rest of the machine), then its median. Pure, so it is unit-tested.

export interface RoundFigures {
  readonly eventsPerSecond: number
  readonly p50: number
  readonly p99: number
  readonly pass: boolean
}

export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: 0, min: 0, max: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 }
}

export interface Comparison {
  readonly rounds: number
  readonly a: { readonly eventsPerSecond: Spread; readonly p50: Spread; readonly p99: Spread }
  readonly b: { readonly eventsPerSecond: Spread; readonly p50: Spread; readonly p99: Spread }
  /** b ÷ a per round, then the spread of those ratios. */
  readonly ratio: { readonly eventsPerSecond: Spread; readonly p50: Spread; readonly p99: Spread }
  readonly allPassed: boolean
}

export function compare(a: readonly RoundFigures[], b: readonly RoundFigures[]): Comparison {
  const rounds = Math.min(a.length, b.length)
  const of = (side: readonly RoundFigures[]) => ({
    eventsPerSecond: spread(side.map((r) => r.eventsPerSecond)),
    p50: spread(side.map((r) => r.p50)),
    p99: spread(side.map((r) => r.p99)),
  })
  const ratios = (key: 'eventsPerSecond' | 'p50' | 'p99') =>
    spread(
      Array.from({ length: rounds }, (_, i) => {
        const below = a[i]?.[key] ?? 0
        return below === 0 ? 0 : (b[i]?.[key] ?? 0) / below
      }),
    )
  return {
    rounds,
    a: of(a),
    b: of(b),
    ratio: { eventsPerSecond: ratios('eventsPerSecond'), p50: ratios('p50'), p99: ratios('p99') },
    allPassed: [...a, ...b].every((round) => round.pass),
  }
}
