import type { Spread } from '../lib/stats'
import { costOver, ratioOf, type Goal, type Samples } from '../lib/throughput'

/** The peers "best peer" is chosen from: other libraries, not Rivulet, not a floor. */
export const PEERS = [
  'eventsource',
  'native-es',
  'eventsource-client',
  'fetch-event-source',
  'fetch-event-stream',
  'esp-stream',
  'esp',
]

function both(samples: Samples, f: (s: Samples, cpu: boolean) => Spread, cpu: boolean) {
  return { wall: f(samples, false), cpu: cpu ? f(samples, true) : undefined }
}

export function ratioGoal(
  samples: Samples,
  goal: string,
  a: string,
  b: string,
  target: number,
  cpu: boolean,
): Goal | undefined {
  if (!samples.has(a) || !samples.has(b)) return undefined
  return { goal, kind: 'ratio', target, ...both(samples, (s, c) => ratioOf(s, a, b, c), cpu) }
}

export function costGoal(
  samples: Samples,
  goal: string,
  a: string,
  b: string,
  target: number,
  cpu: boolean,
): Goal | undefined {
  if (!samples.has(a) || !samples.has(b)) return undefined
  return { goal, kind: 'cost', target, ...both(samples, (s, c) => costOver(s, a, b, c), cpu) }
}

/** "≥ 1.3× the best peer", where the best peer is chosen by each clock's medians. */
export function bestPeerGoal(
  samples: Samples,
  reference: string,
  bestWall: string,
  bestCpu: string,
): Goal {
  const names =
    bestWall === bestCpu ? `\`${bestWall}\`` : `wall: \`${bestWall}\`, CPU: \`${bestCpu}\``
  return {
    goal: `\`${reference}\` ≥ 1.3× the best peer (${names})`,
    kind: 'ratio',
    target: 1.3,
    wall: ratioOf(samples, reference, bestWall, false),
    cpu: ratioOf(samples, reference, bestCpu, true),
  }
}
