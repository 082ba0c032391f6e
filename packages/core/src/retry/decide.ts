import type { ConnectionError, StreamError } from '../errors'
import { gaveUpError } from '../errors'
import { nextDelay, retryAfterDelay } from './backoff'
import type { RetryPolicy } from './policy'

/** What the stream remembers between attempts. A new run of the stream starts from `FRESH`. */
export interface AttemptHistory {
  /** Consecutive attempts that did not prove healthy (see `RetryPolicy.healthyAfter`). */
  readonly failures: number
  /** The server's last `retry:` value, in ms; it persists across attempts, as the spec says. */
  readonly serverRetry: number | undefined
  /** Whether the 401 hook already ran in this streak of failures. */
  readonly authRetried: boolean
}

export const FRESH: AttemptHistory = { failures: 0, serverRetry: undefined, authRetried: false }

/** How one attempt ended. */
export interface AttemptOutcome {
  /** Why it failed; `undefined` for a clean end of the response. */
  readonly error: ConnectionError | undefined
  /** It delivered an event, or stayed open `healthyAfter` ms. */
  readonly healthy: boolean
  /** The last thing received carried an id, so resuming loses and repeats nothing. */
  readonly resumable: boolean
}

/** What the stream was configured to allow. */
export interface ReconnectRules {
  /** `null`: never reconnect (`retry: false`). */
  readonly policy: RetryPolicy | null
  /** A clean end is followed by a reconnection. */
  readonly live: boolean
  readonly idempotent: boolean
  readonly resendNonIdempotent: boolean
  /** An `onUnauthorized` hook exists. */
  readonly canRefresh: boolean
}

export type Decision =
  | {
      readonly action: 'close'
      readonly reason: 'ended' | 'error'
      readonly error: StreamError | undefined
    }
  | { readonly action: 'wait'; readonly attempt: number; readonly delay: number }
  /** Run the 401 hook, then attempt at once. */
  | { readonly action: 'refresh'; readonly attempt: number }

/**
 * The reconnection decision, as a pure function of what happened, the history and the rules;
 * the stream only runs the timer it returns. Returns the decision and the history to keep.
 */
export function decide(
  outcome: AttemptOutcome,
  history: AttemptHistory,
  rules: ReconnectRules,
  random: () => number = Math.random,
): [Decision, AttemptHistory] {
  const { error } = outcome
  const { policy } = rules
  const past = outcome.healthy ? { ...history, failures: 0, authRetried: false } : history
  const end: Decision = { action: 'close', reason: error ? 'error' : 'ended', error }
  if ((!error && !rules.live) || !policy) return [end, past]
  // A non-idempotent request (a POST to an LLM) is re-sent only if that cannot duplicate what
  // already arrived: never after a clean end, and after a failure only when resumable.
  if (!rules.idempotent && !rules.resendNonIdempotent && (!error || !outcome.resumable))
    return [end, past]
  const attempt = past.failures + 1
  if (error?.kind === 'http' && error.status === 401 && rules.canRefresh && !past.authRetried)
    return [
      { action: 'refresh', attempt },
      { ...past, authRetried: true },
    ]
  if (error && !policy.shouldRetry(error, { attempt })) return [end, past]
  if (attempt > policy.maxAttempts)
    return [error ? { ...end, error: gaveUpError(policy.maxAttempts, error) } : end, past]
  let delay = nextDelay(attempt, policy, past.serverRetry, random)
  if (error?.kind === 'http' && error.retryAfter !== undefined)
    delay = retryAfterDelay(error.retryAfter, delay, policy)
  return [
    { action: 'wait', attempt, delay },
    { ...past, failures: attempt },
  ]
}
