export { decide, FRESH } from './decide'
export type { AttemptHistory, AttemptOutcome, ReconnectRules } from './decide'
export { nextDelay, parseRetryAfter } from './backoff'
export {
  defaultRetryPolicy,
  isRetryableStatus,
  resolveRetryPolicy,
  shouldRetryByDefault,
} from './policy'
export type { RetryContext, RetryPolicy } from './policy'
