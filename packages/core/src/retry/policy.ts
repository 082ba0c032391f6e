import type { ConnectionError } from '../errors'

/** What a retry policy knows when it decides. */
export interface RetryContext {
  /** Which reconnection attempt this would be: 1 for the first retry after a failure. */
  readonly attempt: number
}

/**
 * How a stream reconnects. Read `defaultRetryPolicy`, spread it and replace what you need:
 * `{ ...defaultRetryPolicy, maxAttempts: 5 }`, or pass a partial object as the `retry` option.
 */
export interface RetryPolicy {
  /** Delay before the first retry, in ms, until the server sends `retry:`. */
  readonly initialDelay: number
  /**
   * The shortest wait before any reconnection, in ms, whatever the server's `retry:` or
   * `Retry-After` says: backoff grows from at least this, so a server sending `retry: 0` (or
   * closing every connection at once) cannot drive the client into a reconnection storm.
   */
  readonly minDelay: number
  /** Each consecutive failure multiplies the delay by this. */
  readonly factor: number
  /** Backoff never grows past this (a larger server `retry:` is still honoured, up to its cap). */
  readonly maxDelay: number
  /**
   * Share of each delay that is random, from 0 (none) to 1: a delay `d` becomes a value in
   * `[d * (1 - jitter), d]`, so a thousand clients dropped together do not return together.
   */
  readonly jitter: number
  /**
   * How long a connection must stay open, in ms, to count as healthy without delivering an event.
   * Only a healthy connection resets the backoff: one that delivered an event, or stayed open this
   * long. A server that accepts and closes at once therefore keeps pushing the delay up.
   */
  readonly healthyAfter: number
  /** Consecutive failed attempts before giving up (`gave-up` error). `Infinity` never gives up. */
  readonly maxAttempts: number
  /**
   * Cap on a server's `retry:` field and `Retry-After` header, in ms, so a hostile or buggy value
   * cannot park the client for days.
   */
  readonly maxServerDelay: number
  /** Whether a failed connection is worth another attempt. */
  readonly shouldRetry: (error: ConnectionError, context: RetryContext) => boolean
}

/** HTTP statuses worth retrying: server errors, plus "timeout" and "too many requests". */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429
}

/**
 * The default decision. Network failures and 5xx/408/429 retry. Everything the spec calls "fail
 * the connection" (another status, a wrong content type) is fatal, as are a parser limit (the
 * same server would send the same line again) and a request function that throws.
 */
export function shouldRetryByDefault(error: ConnectionError): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true
    case 'http':
      return isRetryableStatus(error.status)
    case 'eventsource':
      return error.status !== undefined && isRetryableStatus(error.status)
    case 'content-type':
    case 'parse':
    case 'request':
      return false
  }
}

export const defaultRetryPolicy: RetryPolicy = Object.freeze({
  initialDelay: 1000,
  minDelay: 250,
  healthyAfter: 5000,
  factor: 2,
  maxDelay: 30_000,
  jitter: 0.5,
  maxAttempts: Infinity,
  maxServerDelay: 5 * 60_000,
  shouldRetry: shouldRetryByDefault,
})

/** Fills a partial policy from the defaults. */
export function resolveRetryPolicy(policy: Partial<RetryPolicy> | undefined): RetryPolicy {
  return policy === undefined ? defaultRetryPolicy : { ...defaultRetryPolicy, ...policy }
}
