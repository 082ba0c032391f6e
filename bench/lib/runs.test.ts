import { describe, expect, it } from 'vitest'
import { overRuns, overRunsTable, type RunGoals } from './runs'
import { spread } from './stats'
import type { Goal } from './throughput'

const goal = (
  text: string,
  kind: Goal['kind'],
  target: number,
  wall: number,
  cpu?: number,
): Goal => ({
  goal: text,
  kind,
  target,
  wall: spread([wall - 0.1, wall, wall + 0.1]),
  cpu: cpu === undefined ? undefined : spread([cpu]),
})

describe('goals over several runs', () => {
  it('takes the spread of the run medians and counts the runs that met each goal', () => {
    const runs = [0.05, 0.12, 0.08].map((cost) => ({
      ascii: [goal('stream layer ≤ 10 %', 'cost', 0.1, cost, cost / 2)],
    }))
    const [row] = overRuns(runs)
    expect(row).toMatchObject({ corpus: 'ascii', goal: 'stream layer ≤ 10 %', runs: 3 })
    expect(row?.wall).toMatchObject({ median: 0.08, min: 0.05, max: 0.12, n: 3 })
    expect(row?.metWall).toBe(2)
    expect(row?.metCpu).toBe(3)
  })

  it('counts one best-peer goal whichever peer was best in each run, and keeps corpora apart', () => {
    const runs: RunGoals[] = [
      { ascii: [goal('`rivulet-fetch` ≥ 1.3× the best peer (`esp`)', 'ratio', 1.3, 1.4)] },
      {
        ascii: [
          goal('`rivulet-fetch` ≥ 1.3× the best peer (`eventsource-client`)', 'ratio', 1.3, 1.1),
        ],
        utf8: [goal('`rivulet-fetch` ≥ 1.3× the best peer (`esp`)', 'ratio', 1.3, 0.9)],
      },
    ]
    const rows = overRuns(runs)
    expect(rows.map((r) => [r.corpus, r.goal, r.runs, r.metWall])).toEqual([
      ['ascii', '`rivulet-fetch` ≥ 1.3× the best peer', 2, 1],
      ['utf8', '`rivulet-fetch` ≥ 1.3× the best peer', 1, 0],
    ])
    expect(overRunsTable(rows)).toContain(
      '| ascii | `rivulet-fetch` ≥ 1.3× the best peer | 1.25× (1.10–1.40) | 1 of 2 |',
    )
  })
})
