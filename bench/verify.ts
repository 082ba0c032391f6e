import { emptyTally, type Competitor } from './competitors'
import type { Expected } from './corpora'
import { pass, type Scenario } from './measure'

function preview(text: string | undefined): string {
  if (text === undefined) return 'undefined'
  const shown = text.length > 60 ? `${text.slice(0, 60)}… (${text.length} chars)` : text
  return JSON.stringify(shown)
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
    if (tally.comments !== expected.comments) differ('comments', tally.comments, expected.comments)
    for (const key of ['dataChars', 'typeChars', 'idChars'] as const) {
      if (tally[key] !== expected[key]) differ(key, tally[key], expected[key])
    }
    if (tally.firstData !== expected.firstData) {
      differ('first data', preview(tally.firstData), preview(expected.firstData))
    }
    if (tally.lastData !== expected.lastData) {
      differ('last data', preview(tally.lastData), preview(expected.lastData))
    }
  }
  return problems.map((problem) => `${scenario.id}: ${problem}`)
}
