import { idSum } from '../lib/payloads'
import type { PassResult } from './pass'

/** Why a pass does not count: a client that lost, doubled or broke an event is not fast. */
export function problems(
  result: PassResult,
  n: number,
  decodes: boolean,
  connections: number,
  expected = 1,
): string[] {
  const found: string[] = []
  if (result.failed !== undefined) found.push(result.failed)
  if (result.count !== n) found.push(`${result.count} events, expected ${n}`)
  if (decodes && result.idSum !== idSum(n))
    found.push(`id checksum ${result.idSum}, expected ${idSum(n)}`)
  if (connections !== expected) found.push(`${connections} connections, expected ${expected}`)
  return found
}
