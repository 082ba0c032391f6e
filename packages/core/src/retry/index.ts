export { decide, FRESH } from './decide'
export type { AttemptHistory, AttemptOutcome, Decision, ReconnectRules } from './decide'
export { nextDelay, parseRetryAfter, retryAfterDelay } from './backoff'
export {
  defaultRetryPolicy,
  isRetryableStatus,
  resolveRetryPolicy,
  shouldRetryByDefault,
} from './policy'
export type { RetryContext, RetryPolicy } from './policy'
