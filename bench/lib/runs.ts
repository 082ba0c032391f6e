import { percent, times, markdownTable } from './format'
import { spread, type Spread } from './stats'
import type { Goal } from './throughput'

/** One run's goals, by corpus (`ascii`, `utf8`), as a suite's JSON holds them. */
export type RunGoals = Readonly<Record<string, readonly Goal[]>>

/** One goal over several runs: the spread of the runs' medians, and in how many it was met. */
export interface GoalOverRuns {
  corpus: string
  goal: string
  kind: Goal['kind']
  target: number
  wall: Spread
  cpu: Spread | undefined
  metWall: number
  metCpu: number | undefined
  runs: number
}

// The best peer is chosen per run ("… the best peer (`esp`)"): one goal whichever peer it was.
const BEST_PEER = /^(`[^`]+` ≥ [\d.]+× the best peer).*$/
const key = (goal: string) => goal.replace(BEST_PEER, '$1')

const met = (goal: Goal, median: number) =>
  goal.kind === 'ratio' ? median >= goal.target : median <= goal.target

/**
 * Folds runs of one suite into one row per goal. A run's figure is its median over rounds; what
 * a single run cannot show is how far that median moves from run to run, which is the spread
 * here (median of the medians, and their range).
 */
export function overRuns(runs: readonly RunGoals[]): GoalOverRuns[] {
  const rows = new Map<string, { first: Goal; corpus: string; wall: number[]; cpu: number[] }>()
  for (const run of runs)
    for (const [corpus, goals] of Object.entries(run))
      for (const goal of goals) {
        const id = `${corpus}\0${key(goal.goal)}`
        let row = rows.get(id)
        if (row === undefined) rows.set(id, (row = { first: goal, corpus, wall: [], cpu: [] }))
        row.wall.push(goal.wall.median)
        if (goal.cpu !== undefined) row.cpu.push(goal.cpu.median)
      }
  return [...rows.values()].map(({ first, corpus, wall, cpu }) => ({
    corpus,
    goal: key(first.goal),
    kind: first.kind,
    target: first.target,
    wall: spread(wall),
    cpu: cpu.length === 0 ? undefined : spread(cpu),
    metWall: wall.filter((m) => met(first, m)).length,
    metCpu: cpu.length === 0 ? undefined : cpu.filter((m) => met(first, m)).length,
    runs: wall.length,
  }))
}

export function overRunsTable(rows: readonly GoalOverRuns[]): string {
  const cpu = rows.some((row) => row.cpu !== undefined)
  const show = (row: GoalOverRuns, value: Spread | undefined) =>
    value === undefined ? '—' : row.kind === 'ratio' ? times(value) : percent(value)
  return markdownTable(
    [
      'Corpus',
      'Goal (issue 9)',
      'wall, run medians (min–max)',
      'met in',
      ...(cpu ? ['client CPU, run medians (min–max)', 'met in'] : []),
    ],
    rows.map((row) => [
      row.corpus,
      row.goal,
      show(row, row.wall),
      `${row.metWall} of ${row.runs}`,
      ...(cpu
        ? [show(row, row.cpu), row.metCpu === undefined ? '—' : `${row.metCpu} of ${row.runs}`]
        : []),
    ]),
    2,
  )
}
