import { describe, expect, it } from 'vitest'
import { httpError, networkError, requestError } from '../errors'
import { decide, FRESH } from './decide'
import type { AttemptHistory, AttemptOutcome, ReconnectRules } from './decide'
import { defaultRetryPolicy } from './policy'

const policy = { ...defaultRetryPolicy, jitter: 0 }
const rules: ReconnectRules = {
  policy,
  live: true,
  idempotent: true,
  resendNonIdempotent: false,
  canRefresh: false,
}
const lost = networkError('lost')
const failed: AttemptOutcome = { error: lost, healthy: false, resumable: true }
const http = (status: number, retryAfter?: number) =>
  httpError({ status, statusText: '', headers: {}, body: '', retryAfter })

/** Runs `decide` over outcomes in a row, as the stream does, and returns every decision. */
function run(outcomes: AttemptOutcome[], with_: Partial<ReconnectRules> = {}) {
  let history: AttemptHistory = FRESH
  return outcomes.map((outcome) => {
    const [decision, next] = decide(outcome, history, { ...rules, ...with_ })
    history = next
    return decision
  })
}

describe('decide', () => {
  it('waits longer after each consecutive failure', () => {
    expect(run([failed, failed, failed]).map((d) => d.action === 'wait' && d.delay)).toEqual([
      1000, 2000, 4000,
    ])
  })

  it('starts over after a healthy attempt, and only then', () => {
    const healthy = { ...failed, healthy: true }
    const decisions = run([failed, failed, healthy, failed])
    expect(decisions.map((d) => d.action === 'wait' && d.attempt)).toEqual([1, 2, 1, 2])
  })

  it('reconnects promptly after a healthy live response that ended', () => {
    const ended = { error: undefined, healthy: true, resumable: true }
    expect(run([ended, ended, ended])).toEqual([
      { action: 'wait', attempt: 1, delay: 1000 },
      { action: 'wait', attempt: 1, delay: 1000 },
      { action: 'wait', attempt: 1, delay: 1000 },
    ])
  })

  it('backs off from the floor for a server retry of zero', () => {
    let history: AttemptHistory = { ...FRESH, serverRetry: 0 }
    const delays = [1, 2, 3].map(() => {
      const [decision, next] = decide(failed, history, rules)
      history = next
      return decision.action === 'wait' && decision.delay
    })
    expect(delays).toEqual([250, 500, 1000])
  })

  it('treats Retry-After as a lower bound under a growing backoff', () => {
    const busy = { ...failed, error: http(503, 0) }
    expect(run([busy, busy, busy]).map((d) => d.action === 'wait' && d.delay)).toEqual([
      1000, 2000, 4000,
    ])
    const later = { ...failed, error: http(503, 9000) }
    expect(run([later]).map((d) => d.action === 'wait' && d.delay)).toEqual([9000])
  })

  it('closes a finite stream that ended, and any stream with retry: false', () => {
    const ended = { error: undefined, healthy: true, resumable: true }
    expect(run([ended], { live: false })).toEqual([
      { action: 'close', reason: 'ended', error: undefined },
    ])
    expect(run([failed], { policy: null })).toEqual([
      { action: 'close', reason: 'error', error: lost },
    ])
  })

  it('closes on an error the policy does not retry', () => {
    const fatal = { ...failed, error: requestError(new Error('bad header')) }
    expect(run([fatal])).toEqual([{ action: 'close', reason: 'error', error: fatal.error }])
  })

  it('gives up after maxAttempts failures in a row', () => {
    const decisions = run([failed, failed, failed], { policy: { ...policy, maxAttempts: 2 } })
    expect(decisions[2]).toMatchObject({
      action: 'close',
      reason: 'error',
      error: { kind: 'gave-up', attempts: 2, last: lost },
    })
  })

  it('refreshes credentials once per streak of 401s', () => {
    const unauthorized = { ...failed, error: http(401) }
    const decisions = run([unauthorized, unauthorized], { canRefresh: true })
    expect(decisions.map((d) => d.action)).toEqual(['refresh', 'close'])
  })

  it('re-sends a non-idempotent request only when nothing is lost or repeated', () => {
    const post = { idempotent: false }
    expect(run([failed], post)[0]?.action).toBe('wait')
    expect(run([{ ...failed, resumable: false }], post)[0]?.action).toBe('close')
    expect(run([{ error: undefined, healthy: true, resumable: true }], post)[0]?.action).toBe(
      'close',
    )
    expect(
      run([{ ...failed, resumable: false }], { ...post, resendNonIdempotent: true })[0]?.action,
    ).toBe('wait')
  })
})

describe('the default policy against hostile servers', () => {
  // Simulated time: each attempt fails at once, then the stream waits what `decide` says.
  function attemptTimes(outcome: AttemptOutcome, seconds: number, serverRetry?: number) {
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    let history: AttemptHistory = { ...FRESH, serverRetry }
    const times: number[] = []
    // Bounded, so a policy that never waits fails the test instead of hanging it.
    for (let now = 0; now < seconds * 1000 && times.length < 10_000;) {
      times.push(now)
      const [decision, next] = decide(
        outcome,
        history,
        { ...rules, policy: defaultRetryPolicy },
        random,
      )
      history = next
      if (decision.action !== 'wait') break
      now += decision.delay
    }
    return times
  }
  const perWindow = (times: number[], ms: number, seconds: number) =>
    Array.from({ length: (seconds * 1000) / ms }, (_, w) =>
      times.filter((t) => t >= w * ms && t < (w + 1) * ms),
    ).map((inWindow) => inWindow.length)

  const hostile: [string, AttemptOutcome, number | undefined][] = [
    ['retry: 0, then each response ends', { error: undefined, healthy: false, resumable: true }, 0],
    ['a refused port after retry: 0', failed, 0],
    ['503 with Retry-After: 0', { ...failed, error: http(503, 0) }, undefined],
    ['accept and close', { ...failed, error: networkError('reset') }, undefined],
  ]

  it.each(hostile)(
    'makes at most 10 attempts in any second, falling, for %s',
    (_, outcome, retry) => {
      const times = attemptTimes(outcome, 300, retry)
      const slidingMax = Math.max(
        ...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length),
      )
      expect(slidingMax).toBeLessThanOrEqual(10)
      const perMinute = perWindow(times, 60_000, 300)
      expect(perMinute.every((count, i) => i === 0 || count <= (perMinute[i - 1] as number))).toBe(
        true,
      )
      expect(perMinute.at(-1)).toBeLessThanOrEqual(4)
    },
  )
})
