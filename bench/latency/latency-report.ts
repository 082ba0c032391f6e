import { markdownTable } from '../lib/format'
import { quantile, spread, type Spread } from '../lib/stats'

const FLOOR = 'floor-json'

interface LatencyRow {
  id: string
  events: number
  /** Over every event of every round. */
  p50: number
  p99: number
  max: number
  /** The per-round figures (null: the pass failed), and their spread. */
  p50PerRound: (number | null)[]
  p99PerRound: (number | null)[]
  p50Rounds: Spread
  p99Rounds: Spread
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '—'
}

/** A difference to the floor; one that rounds to zero gets no sign. */
function delta(value: number): string {
  const text = ms(Math.abs(value))
  if (Number(text) === 0) return `±${text}`
  return `${value > 0 ? '+' : '−'}${text}`
}

function ranged(pooled: number, rounds: Spread): string {
  return rounds.n < 2 ? ms(pooled) : `${ms(pooled)} (${ms(rounds.min)}–${ms(rounds.max)})`
}

export function latencyTable(
  clients: readonly { id: string }[],
  samples: ReadonlyMap<string, readonly (number[] | undefined)[]>,
) {
  const rows: LatencyRow[] = clients.map(({ id }) => {
    const rounds = samples.get(id) ?? []
    const passes = rounds.filter((p): p is number[] => p !== undefined)
    const all = passes.flat()
    return {
      id,
      events: all.length,
      p50: quantile(all, 0.5),
      p99: quantile(all, 0.99),
      max: all.length === 0 ? Number.NaN : Math.max(...all),
      p50PerRound: [...rounds].map((p) => (p === undefined ? null : quantile(p, 0.5))),
      p99PerRound: [...rounds].map((p) => (p === undefined ? null : quantile(p, 0.99))),
      p50Rounds: spread(passes.map((p) => quantile(p, 0.5))),
      p99Rounds: spread(passes.map((p) => quantile(p, 0.99))),
    }
  })
  const floor = rows.find((r) => r.id === FLOOR)
  const md = markdownTable(
    [
      'Client',
      'p50 ms (rounds min–max)',
      'p99 ms (rounds min–max)',
      'max ms',
      `p50 − ${FLOOR}`,
      `p99 − ${FLOOR}`,
    ],
    rows.map((r) => [
      `\`${r.id}\``,
      ranged(r.p50, r.p50Rounds),
      ranged(r.p99, r.p99Rounds),
      ms(r.max),
      floor === undefined || r.id === FLOOR ? '' : delta(r.p50 - floor.p50),
      floor === undefined || r.id === FLOOR ? '' : delta(r.p99 - floor.p99),
    ]),
  )
  return { rows, md }
}
