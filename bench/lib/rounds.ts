import { rotated } from './stats'

export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: string[] }

/**
 * Runs every id once per round, in an order rotated each round, and keeps each result at its
 * round's index, so that two clients' figures of one round can be paired into a ratio.
 */
export async function interleave<T>(
  ids: readonly string[],
  rounds: number,
  run: (id: string, round: number) => Promise<Outcome<T>>,
  log: (line: string) => void = () => {},
): Promise<Map<string, (T | undefined)[]>> {
  const results = new Map<string, (T | undefined)[]>(ids.map((id) => [id, []]))
  for (let round = 0; round < rounds; round++) {
    for (const id of rotated(ids, round)) {
      const outcome = await run(id, round)
      const list = results.get(id) ?? []
      list[round] = outcome.ok ? outcome.value : undefined
      if (!outcome.ok) log(`!!! round ${round + 1} ${id}: ${outcome.problems.join('; ')}`)
    }
  }
  return results
}

/** a[i] / b[i] for every round where both ran. */
export function paired(
  a: readonly (number | undefined)[],
  b: readonly (number | undefined)[],
): number[] {
  const ratios: number[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i]
    const y = b[i]
    if (x !== undefined && y !== undefined && y !== 0) ratios.push(x / y)
  }
  return ratios
}

export function present(values: readonly (number | undefined)[]): number[] {
  return values.filter((v): v is number => v !== undefined)
}
