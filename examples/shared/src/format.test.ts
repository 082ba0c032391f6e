import type { StreamError, StreamStatus } from '@rivulet/core'
import { describe, expect, it } from 'vitest'
import {
  describeError,
  describeIds,
  describeLastError,
  describeReset,
  describeStatus,
  formatChange,
  formatChangeWithPercent,
  formatPrice,
  formatRate,
  statusTone,
} from './format'

const reconnecting = (extra: Partial<Extract<StreamStatus, { state: 'reconnecting' }>>) =>
  ({
    state: 'reconnecting',
    attempt: 2,
    delay: 4000,
    retryAt: 10_000,
    error: undefined,
    resumable: true,
    ...extra,
  }) as const

describe('the words of the page', () => {
  it('writes prices in dollars and moves with an arrow and a sign, not colour alone', () => {
    expect(formatPrice(1234.5)).toBe('$1,234.50')
    expect(formatPrice(undefined)).toBe('—')
    expect(formatChange(1.234)).toBe('▲ +1.23')
    expect(formatChange(-0.4)).toBe('▼ -0.40')
    expect(formatChange(0)).toBe('0.00')
    expect(formatChange(undefined)).toBe('—')
    expect(formatChangeWithPercent(1.2, 421.2)).toBe('▲ +1.20 (+0.29%)')
    expect(formatChangeWithPercent(-2, 98)).toBe('▼ -2.00 (-2.00%)')
    expect(formatChangeWithPercent(undefined, 98)).toBe('—')
    expect(formatRate(2)).toBe('2.0')
  })

  it('counts down to the next attempt in whole seconds', () => {
    const status = reconnecting({})
    expect(describeStatus(status, 6000)).toBe('Reconnecting in 4 s · attempt 2')
    expect(describeStatus(status, 6001)).toBe('Reconnecting in 4 s · attempt 2')
    expect(describeStatus(status, 9000)).toBe('Reconnecting in 1 s · attempt 2')
    expect(describeStatus(status, 10_000)).toBe('Reconnecting now · attempt 2')
    expect(describeStatus(status, 12_000)).toBe('Reconnecting now · attempt 2')
  })

  it('says when a reconnection cannot resume, and when the browser schedules it', () => {
    expect(describeStatus(reconnecting({ resumable: false }), 9000)).toBe(
      'Reconnecting in 1 s · attempt 2 · cannot resume: the server sends no ids',
    )
    expect(describeStatus(reconnecting({ retryAt: undefined, delay: undefined }), 0)).toBe(
      'Reconnecting · attempt 2',
    )
  })

  it('names every other state', () => {
    const texts = (
      [
        { state: 'idle' },
        { state: 'connecting', attempt: 0 },
        { state: 'connecting', attempt: 3 },
        { state: 'open' },
        { state: 'paused', reason: 'hidden' },
        { state: 'paused', reason: 'offline' },
        { state: 'closed', reason: 'no-content', error: undefined },
      ] satisfies StreamStatus[]
    ).map((status) => [describeStatus(status, 0), statusTone(status)])
    expect(texts).toEqual([
      ['Idle', 'waiting'],
      ['Connecting…', 'waiting'],
      ['Connecting · attempt 3…', 'waiting'],
      ['Live', 'live'],
      ['Paused · page hidden', 'waiting'],
      ['Paused · offline', 'waiting'],
      ['Closed · no-content', 'down'],
    ])
  })

  it('describes an error in one line, and whether the stream got past it', () => {
    const http: StreamError = {
      kind: 'http',
      message: 'HTTP 503 Service Unavailable',
      status: 503,
      statusText: 'Service Unavailable',
      headers: {},
      body: 'fault injected: status 503\n',
      retryAfter: 2000,
    }
    const timeout: StreamError = { kind: 'timeout', message: 'no data for 2000 ms', timeout: 2000 }
    expect(describeError(http)).toBe('HTTP 503 Service Unavailable · Retry-After 2 s')
    expect(describeError(timeout)).toBe('No data for 2 s: the idle watchdog reconnected')
    expect(describeLastError(timeout, true)).toBe(
      'No data for 2 s: the idle watchdog reconnected (recovered)',
    )
    expect(describeLastError(http, false)).toBe(
      'HTTP 503 Service Unavailable · Retry-After 2 s (ongoing)',
    )
    expect(describeLastError(undefined, true)).toBe('None')
    const refused: StreamError = {
      kind: 'network',
      message:
        'network error: Failed to fetch (server unreachable, or request blocked by CORS: the console says which)',
      cause: new TypeError('Failed to fetch'),
    }
    expect(describeError(refused)).toBe('Network error: Failed to fetch')
    expect(describeError({ ...refused, cause: 'gone' })).toBe(refused.message)
  })

  it('sums up the ids received', () => {
    expect(describeIds({ count: 0, first: undefined, last: undefined, gaps: 0, repeats: 0 })).toBe(
      'None yet',
    )
    expect(describeIds({ count: 1, first: 7, last: 7, gaps: 0, repeats: 0 })).toBe(
      '7 · no gap · no repeat',
    )
    expect(describeIds({ count: 57, first: 1, last: 57, gaps: 0, repeats: 0 })).toBe(
      '1–57 · no gap · no repeat',
    )
    expect(describeIds({ count: 9, first: 1, last: 12, gaps: 2, repeats: 1 })).toBe(
      '1–12 · 2 gaps · 1 repeat',
    )
    const first = '2026-12-01T17:09:59.3422614Z'
    expect(
      describeIds({ count: 3, first, last: '2026-12-01T17:10:03.3491568Z', gaps: 0, repeats: 0 }),
    ).toBe('3 ids · in order · no repeat')
  })

  it('explains a reset', () => {
    expect(describeReset({ reason: 'too-old', lastEventId: '2', oldestId: 4, latestId: 5 })).toBe(
      'The server could not resume after id 2: it no longer holds the quotes after it. Quotes were missed, so the board starts afresh.',
    )
    expect(describeReset({ reason: 'unknown', lastEventId: '42', latestId: 3 })).toBe(
      'The server could not resume after id 42: it does not know it (a feed started afresh). Quotes were missed, so the board starts afresh.',
    )
  })
})
