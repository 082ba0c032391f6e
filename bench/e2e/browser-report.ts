import type { Variant } from '../lib/payloads'
import { figures, goalTable, throughputTable, type Goal, type Samples } from '../lib/throughput'
import { chunkLine, type ChunkSeen } from './chunks'
import { costGoal, ratioGoal } from './goals'

const REFERENCE = 'rivulet-fetch'

const TITLES: Record<Variant, string> = {
  ascii: 'ASCII quotes',
  utf8: 'quotes with non-ASCII names in 87 % of events',
}

export function browserReport(
  clients: readonly { id: string; label: string }[],
  variant: Variant,
  events: number,
  samples: Samples,
  chunks: readonly ChunkSeen[],
) {
  const rows = figures(clients, samples, REFERENCE)
  const goals = [
    ratioGoal(
      samples,
      '`rivulet-fetch` ≥ 1.3× fetch + eventsource-parser 4 (`esp`)',
      REFERENCE,
      'esp',
      1.3,
      false,
    ),
    ratioGoal(
      samples,
      '`rivulet-fetch` ≥ 14× native EventSource (`native-es`)',
      REFERENCE,
      'native-es',
      14,
      false,
    ),
    costGoal(
      samples,
      'EventSource transport over native (`rivulet-es` vs `native-es`) ≤ 10 %',
      'rivulet-es',
      'native-es',
      0.1,
      false,
    ),
    costGoal(
      samples,
      'stream layer over the bare parser (`rivulet-fetch` vs `rivulet-parser`) ≤ 10 %',
      REFERENCE,
      'rivulet-parser',
      0.1,
      false,
    ),
  ].filter((g): g is Goal => g !== undefined)
  const chunkLines = ['floor', 'esp', 'rivulet-parser']
    .map((id) => chunkLine(chunks, id))
    .filter((line): line is string => line !== undefined)
  const md = [
    `### ${events.toLocaleString('en-US')} events, ${TITLES[variant]}`,
    '',
    throughputTable(rows, REFERENCE),
    '',
    goalTable(goals),
    '',
    ...chunkLines.map((line) => `- ${line}`),
    '',
  ].join('\n')
  // Every round's sample, by client and round (null: the pass failed), behind each cell.
  const perRound = Object.fromEntries(
    [...samples].map(([id, list]) => [id, [...list].map((s) => s ?? null)]),
  )
  return { json: { rows, goals, chunks, samples: perRound }, md }
}
