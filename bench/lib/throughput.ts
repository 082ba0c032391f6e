// Events per second per client, and ratios paired within rounds, for both end-to-end suites.
import { markdownTable, percent, times, withRange } from './format'
import { paired, present } from './rounds'
import { spread, type Spread } from './stats'

export interface Sample {
  /** Events per second of wall time, open() to the n-th event. */
  eps: number
  /** Events per second of the client's main-thread CPU time (Node only). */
  cpuEps?: number
}

export type Samples = ReadonlyMap<string, readonly (Sample | undefined)[]>

export interface ClientFigures {
  id: string
  label: string
  eps: Spread
  cpuEps: Spread | undefined
  /** The reference's throughput over this client's, per round. */
  vsReference: Spread
  vsReferenceCpu: Spread | undefined
}

function series(samples: Samples, id: string, cpu: boolean): (number | undefined)[] {
  return (samples.get(id) ?? []).map((s) => (cpu ? s?.cpuEps : s?.eps))
}

export function figures(
  clients: readonly { id: string; label: string }[],
  samples: Samples,
  reference: string,
): ClientFigures[] {
  const hasCpu = [...samples.values()].some((list) => list.some((s) => s?.cpuEps !== undefined))
  return clients.map(({ id, label }) => ({
    id,
    label,
    eps: spread(present(series(samples, id, false))),
    cpuEps: hasCpu ? spread(present(series(samples, id, true))) : undefined,
    vsReference: spread(paired(series(samples, reference, false), series(samples, id, false))),
    vsReferenceCpu: hasCpu
      ? spread(paired(series(samples, reference, true), series(samples, id, true)))
      : undefined,
  }))
}

function thousands(s: Spread): string {
  return withRange({ ...s, median: s.median / 1000, min: s.min / 1000, max: s.max / 1000 })
}

export function throughputTable(rows: readonly ClientFigures[], reference: string): string {
  const cpu = rows.some((r) => r.cpuEps !== undefined)
  const header = [
    'Client',
    'k events/s, wall (min–max)',
    ...(cpu ? ['k events/s, client CPU (min–max)'] : []),
    `${reference} ÷ client, wall`,
    ...(cpu ? [`${reference} ÷ client, client CPU`] : []),
  ]
  const body = rows.map((r) => [
    `\`${r.id}\``,
    thousands(r.eps),
    ...(r.cpuEps === undefined ? [] : [thousands(r.cpuEps)]),
    r.id === reference ? '1' : times(r.vsReference),
    ...(r.vsReferenceCpu === undefined ? [] : [r.id === reference ? '1' : times(r.vsReferenceCpu)]),
  ])
  return markdownTable(header, body)
}

/** What `a` costs over `b` per round: b's throughput over a's, minus one (+10 % = 10 % slower). */
export function costOver(samples: Samples, a: string, b: string, cpu: boolean): Spread {
  return spread(paired(series(samples, b, cpu), series(samples, a, cpu)).map((r) => r - 1))
}

export function ratioOf(samples: Samples, a: string, b: string, cpu: boolean): Spread {
  return spread(paired(series(samples, a, cpu), series(samples, b, cpu)))
}

export interface Goal {
  goal: string
  wall: Spread
  cpu: Spread | undefined
  /** How the figure is shown and whether its median meets the goal. */
  kind: 'ratio' | 'cost'
  target: number
}

function meets(goal: Goal, value: Spread | undefined): string {
  if (value === undefined || !Number.isFinite(value.median)) return '—'
  const ok = goal.kind === 'ratio' ? value.median >= goal.target : value.median <= goal.target
  return ok ? 'yes' : 'no'
}

export function goalTable(goals: readonly Goal[]): string {
  const cpu = goals.some((g) => g.cpu !== undefined)
  const show = (goal: Goal, value: Spread | undefined) =>
    value === undefined ? '—' : goal.kind === 'ratio' ? times(value) : percent(value)
  return markdownTable(
    ['Goal (issue 9)', 'wall (min–max)', 'met', ...(cpu ? ['client CPU (min–max)', 'met'] : [])],
    goals.map((g) => [
      g.goal,
      show(g, g.wall),
      meets(g, g.wall),
      ...(cpu ? [show(g, g.cpu), meets(g, g.cpu)] : []),
    ]),
  )
}

/** The peer with the highest median throughput by one clock, for "≥ 1.3× the best peer". */
export function bestOf(
  rows: readonly ClientFigures[],
  ids: readonly string[],
  cpu: boolean,
): string | undefined {
  let best: { id: string; median: number } | undefined
  for (const row of rows) {
    const median = (cpu ? row.cpuEps : row.eps)?.median ?? Number.NaN
    if (!ids.includes(row.id) || !Number.isFinite(median)) continue
    if (best === undefined || median > best.median) best = { id: row.id, median }
  }
  return best?.id
}
