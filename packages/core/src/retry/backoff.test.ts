import { describe, expect, it } from 'vitest'
import { nextDelay, parseRetryAfter, retryAfterDelay } from './backoff'
import { defaultRetryPolicy } from './policy'

const noJitter = { ...defaultRetryPolicy, jitter: 0 }

describe('nextDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    const schedule = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => nextDelay(attempt, noJitter))
    expect(schedule).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
  })

  it('uses the server retry as the base delay', () => {
    const schedule = [1, 2, 3].map((attempt) => nextDelay(attempt, noJitter, 250))
    expect(schedule).toEqual([250, 500, 1000])
  })

  it('honours a server retry above the backoff cap but not above the server cap', () => {
    expect(nextDelay(1, noJitter, 45_000)).toBe(45_000)
    expect(nextDelay(3, noJitter, 45_000)).toBe(45_000)
    expect(nextDelay(1, noJitter, 30 * 24 * 3600 * 1000)).toBe(300_000)
  })

  it('takes at most the jitter share off the delay', () => {
    const policy = { ...defaultRetryPolicy, jitter: 0.5 }
    expect(nextDelay(2, policy, undefined, () => 0)).toBe(2000)
    expect(nextDelay(2, policy, undefined, () => 0.5)).toBe(1500)
    expect(nextDelay(2, policy, undefined, () => 0.999999)).toBe(1000)
  })

  it('clamps a jitter outside 0..1', () => {
    expect(nextDelay(1, { ...noJitter, jitter: 2 }, undefined, () => 0.5)).toBe(500)
    expect(nextDelay(1, { ...noJitter, jitter: -1 }, undefined, () => 0.5)).toBe(1000)
  })

  it('never waits less than minDelay, and backs off from it, on a server retry of zero', () => {
    const schedule = [1, 2, 3, 4].map((attempt) => nextDelay(attempt, noJitter, 0))
    expect(schedule).toEqual([250, 500, 1000, 2000])
  })

  it('keeps the floor under the jitter', () => {
    const policy = { ...defaultRetryPolicy, initialDelay: 300, jitter: 1 }
    expect(nextDelay(1, policy, undefined, () => 0.999)).toBe(250)
    expect(nextDelay(1, { ...policy, minDelay: 40 }, undefined, () => 0.9)).toBe(40)
  })
})

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120')).toBe(120_000)
    expect(parseRetryAfter(' 0 ')).toBe(0)
  })

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0)
  })

  it('ignores a missing or invalid value', () => {
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter('-5')).toBeUndefined()
  })
})

describe('retryAfterDelay', () => {
  it('waits at least the Retry-After, capped at the server delay cap', () => {
    expect(retryAfterDelay(5000, 1000, defaultRetryPolicy)).toBe(5000)
    expect(retryAfterDelay(86_400_000, 1000, defaultRetryPolicy)).toBe(300_000)
  })

  it('keeps the backoff when it is longer than the Retry-After', () => {
    expect(retryAfterDelay(0, 8000, defaultRetryPolicy)).toBe(8000)
  })
})
