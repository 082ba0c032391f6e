import type { RetryPolicy } from './policy'

type BackoffPolicy = Pick<
  RetryPolicy,
  'initialDelay' | 'minDelay' | 'factor' | 'maxDelay' | 'jitter' | 'maxServerDelay'
>

/**
 * The delay before reconnection attempt `attempt` (1 for the first retry), in ms. Pure: the
 * timer lives in the stream, so unsubscribing cancels it.
 *
 * spec: the server's `retry:` field sets the "reconnection time"; it becomes the base delay,
 * within `[minDelay, maxServerDelay]`. Consecutive failures then back off exponentially from that
 * base up to `maxDelay` (or the base itself, if the server asked for more), jitter takes a random
 * share off the result, and nothing goes below `minDelay`: a `retry: 0` still backs off.
 */
export function nextDelay(
  attempt: number,
  policy: BackoffPolicy,
  serverRetry?: number,
  random: () => number = Math.random,
): number {
  const floor = Math.max(policy.minDelay, 0)
  const base = Math.max(
    floor,
    serverRetry === undefined ? policy.initialDelay : Math.min(serverRetry, policy.maxServerDelay),
  )
  const grown = base * policy.factor ** Math.max(0, attempt - 1)
  const capped = Math.min(grown, Math.max(policy.maxDelay, base))
  const jitter = Math.min(Math.max(policy.jitter, 0), 1)
  return Math.max(floor, Math.round(capped * (1 - jitter * random())))
}

/**
 * A server's `Retry-After` (429/503) is a lower bound on the wait, within `maxServerDelay`: the
 * backoff still grows underneath it, so `Retry-After: 0` on every answer cannot cause a storm.
 */
export function retryAfterDelay(
  retryAfter: number,
  backoff: number,
  policy: Pick<RetryPolicy, 'maxServerDelay'>,
): number {
  return Math.max(backoff, Math.min(retryAfter, policy.maxServerDelay))
}

/**
 * Reads a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from
 * `now`. Returns `undefined` for a missing or invalid value.
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  // An HTTP date always names its day and month; this keeps `Date.parse` from reading "-5" as a year.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
