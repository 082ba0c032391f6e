import type { RetryPolicy } from './policy'

type BackoffPolicy = Pick<
  RetryPolicy,
  'initialDelay' | 'factor' | 'maxDelay' | 'jitter' | 'maxServerDelay'
>

/**
 * The delay before reconnection attempt `attempt` (1 for the first retry), in ms. Pure: the
 * timer lives in the stream, so unsubscribing cancels it.
 *
 * spec: the server's `retry:` field sets the "reconnection time"; it becomes the base delay, capped
 * by `maxServerDelay`. Consecutive failures then back off exponentially from that base up to
 * `maxDelay` (or the base itself, if the server asked for more), and jitter takes a random share
 * off the result.
 */
export function nextDelay(
  attempt: number,
  policy: BackoffPolicy,
  serverRetry?: number,
  random: () => number = Math.random,
): number {
  const base =
    serverRetry === undefined ? policy.initialDelay : Math.min(serverRetry, policy.maxServerDelay)
  const grown = base * policy.factor ** Math.max(0, attempt - 1)
  const capped = Math.min(grown, Math.max(policy.maxDelay, base))
  const jitter = Math.min(Math.max(policy.jitter, 0), 1)
  return Math.round(capped * (1 - jitter * random()))
}

/** A server's `Retry-After` (429/503) overrides the backoff, within `maxServerDelay`. */
export function retryAfterDelay(
  retryAfter: number,
  policy: Pick<RetryPolicy, 'maxServerDelay'>,
): number {
  return Math.min(Math.max(retryAfter, 0), policy.maxServerDelay)
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
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}
