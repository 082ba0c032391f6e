import { emptyTally, type Competitor } from './competitors'
import type { Expected } from './corpora'
import { pass, type Scenario } from './measure'

/** Both texts from where they first differ, so long payloads that look alike show their difference. */
function difference(got: string | undefined, want: string): [string, string] {
  if (got === undefined) return ['undefined', JSON.stringify(want.slice(0, 60))]
  let at = 0
  while (at < got.length && at < want.length && got.charCodeAt(at) === want.charCodeAt(at)) at++
  const show = (text: string): string =>
    `${JSON.stringify(text.slice(at, at + 40))} at ${at} of ${text.length} chars`
  return [show(got), show(want)]
}

/**
 * One untimed pass per competitor, checked against what the generator put in the corpus. A fast
 * parser that drops or mangles events would make the table meaningless, so any difference fails.
 */
export function verify(
  competitors: Competitor[],
  scenario: Scenario,
  expected: Expected,
): string[] {
  const problems: string[] = []
  for (const competitor of competitors) {
    const tally = emptyTally()
    try {
      pass(competitor, scenario, tally)
    } catch (error) {
      problems.push(`${competitor.label} threw: ${(error as Error).message}`)
      continue
    }
    const differ = (what: string, got: unknown, want: unknown): void => {
      problems.push(`${competitor.label}: ${what} ${String(got)}, expected ${String(want)}`)
    }
    if (tally.events !== expected.events) differ('events', tally.events, expected.events)
    if (!competitor.parsesFields) continue
    if (competitor.countsComments && tally.comments !== expected.comments) {
      differ('comments', tally.comments, expected.comments)
    }
    for (const key of ['dataChars', 'typeChars', 'idChars'] as const) {
      if (tally[key] !== expected[key]) differ(key, tally[key], expected[key])
    }
    if (tally.firstData !== expected.firstData) {
      differ('first data', ...difference(tally.firstData, expected.firstData))
    }
    if (tally.lastData !== expected.lastData) {
      differ('last data', ...difference(tally.lastData, expected.lastData))
    }
  }
  return problems.map((problem) => `${scenario.id}: ${problem}`)
}
