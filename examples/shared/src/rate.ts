// Events per second over the last few seconds, from arrival times kept in a bounded window.

/** The window the rate is measured over. */
export const RATE_WINDOW_MS = 10_000
/** The most arrivals kept, whatever the rate: memory stays bounded on a firehose. */
export const MAX_ARRIVALS = 2000

/** `arrivals` (oldest first) plus one at `at`, without those older than the window. */
export function withArrival(arrivals: readonly number[], at: number): readonly number[] {
  const from = at - RATE_WINDOW_MS
  let start = 0
  while (start < arrivals.length && (arrivals[start] ?? at) <= from) start++
  const kept = arrivals.slice(Math.max(start, arrivals.length + 1 - MAX_ARRIVALS))
  kept.push(at)
  return kept
}

/** Arrivals within the window before `now`, per second. */
export function ratePerSecond(arrivals: readonly number[], now: number): number {
  const from = now - RATE_WINDOW_MS
  let count = 0
  for (const at of arrivals) if (at > from && at <= now) count++
  return count / (RATE_WINDOW_MS / 1000)
}
