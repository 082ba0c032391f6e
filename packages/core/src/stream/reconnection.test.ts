import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTransport } from '../../test/fake-transport'
import type { FakeTransport } from '../../test/fake-transport'
import { httpError, networkError } from '../errors'
import type { StreamError } from '../errors'
import { createEventStream } from './create-event-stream'
import type { EventStreamOptions, StreamStatus } from './types'

let transport: FakeTransport
beforeEach(() => {
  vi.useFakeTimers()
  transport = fakeTransport()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup(options: EventStreamOptions<{ message: number }> = {}) {
  const stream = createEventStream<{ message: number }>('http://test/sse', {
    transport,
    retry: { jitter: 0 },
    ...options,
  })
  const statuses: StreamStatus[] = []
  const errors: StreamError[] = []
  const values: number[] = []
  stream.status$.subscribe((status) => statuses.push(status))
  stream.errors$.subscribe((error) => errors.push(error))
  return {
    stream,
    statuses,
    errors,
    values,
    subscribe: () => stream.on('message').subscribe((v) => values.push(v)),
  }
}

const failing = () => {
  transport.autoRespond = (connection) => connection.subscriber.error(networkError('down'))
}

const message = (data: string, id?: string) => ({
  type: 'message',
  data,
  id,
  lastEventId: id ?? '',
})

const delays = (statuses: StreamStatus[]) =>
  statuses.flatMap((s) => (s.state === 'reconnecting' ? [s.delay] : []))

describe('reconnection under fake timers', () => {
  it('backs off exponentially up to the cap', async () => {
    failing()
    const { statuses, subscribe } = setup({ retry: { jitter: 0, maxDelay: 8000 } })
    subscribe()
    for (let i = 0; i < 6; i++) await vi.runOnlyPendingTimersAsync()
    expect(delays(statuses)).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000])
    expect(transport.connections).toHaveLength(7)
  })

  it('resets the backoff only after a connection delivered an event', async () => {
    const { statuses, subscribe } = setup()
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    transport.connections[0]?.subscriber.error(networkError('a'))
    await vi.advanceTimersByTimeAsync(1000)
    transport.connections[1]?.subscriber.next({ type: 'open' })
    transport.connections[1]?.subscriber.error(networkError('b'))
    await vi.advanceTimersByTimeAsync(2000)
    transport.connections[2]?.subscriber.next({ type: 'open' })
    transport.connections[2]?.subscriber.next({ type: 'event', event: message('1') })
    transport.connections[2]?.subscriber.error(networkError('c'))
    expect(delays(statuses)).toEqual([1000, 2000, 1000])
  })

  it('keeps backing off from a server that accepts and closes at once', async () => {
    transport.autoRespond = (connection) => {
      connection.subscriber.next({ type: 'open' })
      connection.subscriber.complete()
    }
    const { statuses, subscribe } = setup({ retry: { jitter: 0, maxDelay: 8000 } })
    subscribe()
    for (let i = 0; i < 6; i++) await vi.runOnlyPendingTimersAsync()
    expect(delays(statuses)).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000])
  })

  it('counts a connection that stayed open healthyAfter ms as healthy', async () => {
    const { statuses, subscribe } = setup({ retry: { jitter: 0, healthyAfter: 3000 } })
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    transport.connections[0]?.subscriber.error(networkError('a'))
    await vi.advanceTimersByTimeAsync(1000)
    transport.connections[1]?.subscriber.next({ type: 'open' })
    await vi.advanceTimersByTimeAsync(2999)
    transport.connections[1]?.subscriber.error(networkError('b'))
    await vi.advanceTimersByTimeAsync(2000)
    transport.connections[2]?.subscriber.next({ type: 'open' })
    await vi.advanceTimersByTimeAsync(3000)
    transport.connections[2]?.subscriber.error(networkError('c'))
    expect(delays(statuses)).toEqual([1000, 2000, 1000])
  })

  it('waits at least minDelay whatever the server retry says', async () => {
    transport.autoRespond = (connection) => {
      connection.subscriber.next({ type: 'open' })
      connection.subscriber.next({ type: 'retry', delay: 0 })
      connection.subscriber.complete()
    }
    const { statuses, subscribe } = setup({ retry: { jitter: 0, minDelay: 100, maxDelay: 1000 } })
    subscribe()
    for (let i = 0; i < 5; i++) await vi.runOnlyPendingTimersAsync()
    expect(delays(statuses)).toEqual([100, 200, 400, 800, 1000, 1000])
  })

  it('waits at least the Retry-After and backs off under it', async () => {
    transport.autoRespond = (connection) =>
      connection.subscriber.error(
        httpError({ status: 503, statusText: '', headers: {}, body: '', retryAfter: 0 }),
      )
    const { statuses, subscribe } = setup({ retry: { jitter: 0 } })
    subscribe()
    for (let i = 0; i < 3; i++) await vi.runOnlyPendingTimersAsync()
    expect(delays(statuses)).toEqual([1000, 2000, 4000, 8000])
  })

  it('says when the next attempt is due and whether it resumes', async () => {
    vi.setSystemTime(1_000_000)
    const { statuses, subscribe } = setup()
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    transport.connections[0]?.subscriber.next({ type: 'open' })
    transport.connections[0]?.subscriber.error(networkError('a'))
    expect(statuses.at(-1)).toEqual({
      state: 'reconnecting',
      attempt: 1,
      delay: 1000,
      retryAt: 1_001_000,
      error: networkError('a'),
      resumable: false,
    })
    await vi.advanceTimersByTimeAsync(1000)
    transport.connections[1]?.subscriber.next({ type: 'open' })
    transport.connections[1]?.subscriber.next({ type: 'event', event: message('1', 'x') })
    transport.connections[1]?.subscriber.complete()
    expect(statuses.at(-1)).toMatchObject({ state: 'reconnecting', resumable: true })
  })

  it('bases the backoff on the server retry', async () => {
    const { statuses, subscribe } = setup()
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    transport.connections[0]?.subscriber.next({ type: 'open' })
    transport.connections[0]?.subscriber.next({ type: 'retry', delay: 300 })
    transport.connections[0]?.subscriber.complete()
    await vi.advanceTimersByTimeAsync(300)
    transport.connections[1]?.subscriber.error(networkError('x'))
    expect(delays(statuses)).toEqual([300, 600])
  })

  it('gives up after maxAttempts with a gave-up error', async () => {
    failing()
    const { stream, errors, subscribe } = setup({ retry: { jitter: 0, maxAttempts: 2 } })
    subscribe()
    await vi.runAllTimersAsync()
    expect(transport.connections).toHaveLength(3)
    expect(errors.map((e) => e.kind)).toEqual(['network', 'network', 'network', 'gave-up'])
    expect(stream.status).toMatchObject({
      state: 'closed',
      reason: 'error',
      error: { kind: 'gave-up', attempts: 2, last: { kind: 'network' } },
    })
  })

  it('does not reconnect with retry: false', async () => {
    failing()
    const { stream, subscribe } = setup({ retry: false })
    subscribe()
    await vi.runAllTimersAsync()
    expect(transport.connections).toHaveLength(1)
    expect(stream.status).toMatchObject({ state: 'closed', reason: 'error' })
  })

  it('lets a replaced policy decide what to retry', async () => {
    transport.autoRespond = (connection) =>
      connection.subscriber.error(
        httpError({ status: 404, statusText: '', headers: {}, body: '', retryAfter: undefined }),
      )
    const { subscribe } = setup({
      retry: { jitter: 0, maxAttempts: 1, shouldRetry: (error) => error.kind === 'http' },
    })
    subscribe()
    await vi.runAllTimersAsync()
    expect(transport.connections).toHaveLength(2)
  })

  it('goes through connecting, open, reconnecting, connecting in order', async () => {
    const { statuses, subscribe } = setup()
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    transport.connections[0]?.subscriber.next({ type: 'open' })
    transport.connections[0]?.subscriber.complete()
    await vi.advanceTimersByTimeAsync(1000)
    expect(statuses).toEqual([
      { state: 'idle' },
      { state: 'connecting', attempt: 0 },
      { state: 'open' },
      {
        state: 'reconnecting',
        attempt: 1,
        delay: 1000,
        retryAt: Date.now(),
        error: undefined,
        resumable: false,
      },
      { state: 'connecting', attempt: 1 },
    ])
  })
})

describe('teardown in every state', () => {
  it('clears the request before it starts', async () => {
    const { stream, subscribe } = setup()
    subscribe().unsubscribe()
    await vi.runAllTimersAsync()
    expect(transport.connections).toHaveLength(0)
    expect(stream.status).toEqual({ state: 'idle' })
  })

  it('tears down a connecting or open connection', async () => {
    const { subscribe } = setup()
    const subscription = subscribe()
    await vi.advanceTimersByTimeAsync(0)
    transport.connections[0]?.subscriber.next({ type: 'open' })
    subscription.unsubscribe()
    expect(transport.connections[0]?.closed).toBe(true)
  })

  it('clears the reconnection timer while waiting', async () => {
    failing()
    const { stream, subscribe } = setup()
    const subscription = subscribe()
    await vi.advanceTimersByTimeAsync(0)
    expect(stream.status.state).toBe('reconnecting')
    expect(vi.getTimerCount()).toBe(1)
    subscription.unsubscribe()
    expect(vi.getTimerCount()).toBe(0)
    expect(stream.status).toEqual({ state: 'idle' })
  })

  it('clears the reconnection timer on close()', async () => {
    failing()
    const { stream, subscribe } = setup()
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    stream.close()
    expect(vi.getTimerCount()).toBe(0)
    expect(stream.status).toEqual({ state: 'closed', reason: 'closed', error: undefined })
  })

  it('keeps the connection for keepAlive ms after the last subscriber, then closes it', async () => {
    const { subscribe } = setup({ keepAlive: 500 })
    subscribe().unsubscribe()
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections[0]?.closed).toBe(false)
    await vi.advanceTimersByTimeAsync(500)
    expect(transport.connections[0]?.closed).toBe(true)
  })

  it('never lets a superseded connection emit into the new one', async () => {
    const { values, subscribe } = setup()
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    const first = transport.connections[0]
    first?.subscriber.next({ type: 'open' })
    first?.subscriber.error(networkError('drop'))
    await vi.advanceTimersByTimeAsync(1000)
    const stale = { type: 'message', data: '1', lastEventId: '', id: undefined }
    first?.subscriber.next({ type: 'event', event: stale })
    transport.connections[1]?.subscriber.next({ type: 'open' })
    transport.connections[1]?.subscriber.next({ type: 'event', event: { ...stale, data: '2' } })
    expect(values).toEqual([2])
  })

  it('delivers none of a batch after a subscriber reconnects in the middle of it', async () => {
    const { stream, values } = setup()
    stream.on('message').subscribe((value) => {
      values.push(value)
      if (value === 2) stream.reconnect()
    })
    await vi.advanceTimersByTimeAsync(0)
    const first = transport.connections[0]
    first?.subscriber.next({ type: 'open' })
    const events = ['1', '2', '3', '4'].map((data) => message(data, data))
    first?.subscriber.next({ type: 'events', events })
    expect(values).toEqual([1, 2])
    expect(stream.lastEventId).toBe('2')
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections[1]?.request.lastEventId).toBe('2')
    expect(first?.closed).toBe(true)
  })

  it('completes subscribers that come after the stream closed', async () => {
    const { stream } = setup()
    stream.close()
    const completed = vi.fn()
    stream.events$.subscribe({ complete: completed })
    expect(completed).toHaveBeenCalledTimes(1)
    expect(transport.connections).toHaveLength(0)
  })

  it('closes from a status listener before the attempt starts', async () => {
    const { stream, subscribe } = setup()
    stream.status$.subscribe((status) => status.state === 'connecting' && stream.close())
    subscribe()
    await vi.runAllTimersAsync()
    expect(transport.connections).toHaveLength(0)
    expect(stream.status).toEqual({ state: 'closed', reason: 'closed', error: undefined })
  })

  it('closes from an error listener without scheduling a reconnection', async () => {
    failing()
    const { stream, subscribe } = setup()
    stream.errors$.subscribe(() => stream.close())
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    expect(vi.getTimerCount()).toBe(0)
    expect(transport.connections).toHaveLength(1)
    expect(stream.status).toEqual({ state: 'closed', reason: 'closed', error: undefined })
  })

  it('closes from inside the 401 hook without reconnecting', async () => {
    transport.autoRespond = (connection) =>
      connection.subscriber.error(
        httpError({ status: 401, statusText: '', headers: {}, body: '', retryAfter: undefined }),
      )
    const { stream, subscribe } = setup({ onUnauthorized: () => stream.close() })
    subscribe()
    await vi.runAllTimersAsync()
    expect(transport.connections).toHaveLength(1)
    expect(stream.status).toEqual({ state: 'closed', reason: 'closed', error: undefined })
  })
})

describe('a transport that reconnects by itself', () => {
  const reconnecting = { type: 'reconnecting', error: networkError('lost') } as const

  it('lets it reconnect after a healthy connection, and the policy give up', async () => {
    const { stream, statuses, errors, subscribe } = setup({ retry: { maxAttempts: 2 } })
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    const native = transport.connections[0]
    for (let i = 0; i < 3; i++) {
      native?.subscriber.next({ type: 'open' })
      native?.subscriber.next({ type: 'event', event: message(String(i)) })
      native?.subscriber.next(reconnecting)
      await vi.advanceTimersByTimeAsync(1000)
    }
    expect(transport.connections).toHaveLength(1)
    expect(statuses.filter((s) => s.state === 'reconnecting')).toEqual(
      [1, 1, 1].map((attempt) => ({
        state: 'reconnecting',
        attempt,
        delay: undefined,
        retryAt: undefined,
        error: networkError('lost'),
        resumable: false,
      })),
    )
    expect(errors.map((e) => e.kind)).toEqual(['network', 'network', 'network'])
    expect(stream.status.state).toBe('reconnecting')
  })

  it('takes over, with its own backoff, when the native reconnection delivers nothing', async () => {
    const { statuses, subscribe } = setup()
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    const native = transport.connections[0]
    native?.subscriber.next({ type: 'open' })
    native?.subscriber.next({ type: 'event', event: message('1', '1') })
    native?.subscriber.next(reconnecting)
    native?.subscriber.next({ type: 'open' })
    native?.subscriber.next(reconnecting)
    expect(native?.closed).toBe(true)
    // The second failure in a row: attempt 2 of the backoff.
    expect(statuses.filter((s) => s.state === 'reconnecting').map((s) => s.delay)).toEqual([
      undefined,
      2000,
    ])
    await vi.advanceTimersByTimeAsync(2000)
    expect(transport.connections).toHaveLength(2)
    expect(transport.connections[1]?.request.lastEventId).toBe('1')
  })

  it('takes over when it reconnects sooner than minDelay after the last time', async () => {
    const { subscribe } = setup()
    subscribe()
    await vi.advanceTimersByTimeAsync(0)
    const native = transport.connections[0]
    native?.subscriber.next({ type: 'event', event: message('1') })
    native?.subscriber.next(reconnecting)
    await vi.advanceTimersByTimeAsync(100)
    native?.subscriber.next({ type: 'event', event: message('2') })
    native?.subscriber.next(reconnecting)
    expect(native?.closed).toBe(true)
  })

  it('gives up after maxAttempts reconnections that delivered nothing', async () => {
    const { stream, errors, subscribe } = setup({ retry: { jitter: 0, maxAttempts: 2 } })
    transport.autoRespond = (connection) => {
      connection.subscriber.next({ type: 'open' })
      connection.subscriber.next(reconnecting)
    }
    subscribe()
    await vi.runAllTimersAsync()
    expect(transport.connections).toHaveLength(3)
    expect(errors.map((e) => e.kind)).toEqual(['network', 'network', 'network', 'gave-up'])
    expect(stream.status).toMatchObject({ state: 'closed', error: { kind: 'gave-up' } })
  })
})
