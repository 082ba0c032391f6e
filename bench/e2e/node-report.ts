import type { Client } from '../clients/types'
import type { Variant } from '../lib/payloads'
import {
  bestOf,
  figures,
  goalTable,
  throughputTable,
  type Goal,
  type Samples,
} from '../lib/throughput'
import { chunkLine, type ChunkSeen } from './chunks'
import { bestPeerGoal, costGoal, PEERS } from './goals'

const REFERENCE = 'rivulet-fetch'

const TITLES: Record<Variant, string> = {
  ascii: 'ASCII quotes',
  utf8: 'quotes with non-ASCII names (accented Latin, CJK, Hangul, emoji) in 87 % of events',
}

export function nodeReport(
  clients: readonly Client[],
  variant: Variant,
  events: number,
  samples: Samples,
  chunks: readonly ChunkSeen[],
) {
  const rows = figures(clients, samples, REFERENCE)
  // Each clock against its own best peer: on a busy machine the two can differ.
  const bestWall = bestOf(rows, PEERS, false)
  const bestCpu = bestOf(rows, PEERS, true)
  const goals = [
    bestWall === undefined || bestCpu === undefined
      ? undefined
      : bestPeerGoal(samples, REFERENCE, bestWall, bestCpu),
    costGoal(
      samples,
      'stream layer over the bare parser on the same reader (`rivulet-fetch` vs `rivulet-parser`) ≤ 10 %',
      REFERENCE,
      'rivulet-parser',
      0.1,
      true,
    ),
    costGoal(
      samples,
      'EventSource transport over bare `eventsource` (`rivulet-es` vs `eventsource`) ≤ 10 %',
      'rivulet-es',
      'eventsource',
      0.1,
      true,
    ),
  ].filter((g): g is Goal => g !== undefined)
  const chunkLines = ['floor', 'rivulet-parser']
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
