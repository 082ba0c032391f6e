import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTransport } from '../../test/fake-transport'
import type { FakeTransport } from '../../test/fake-transport'
import { httpError, networkError } from '../errors'
import { createEventStream } from './create-event-stream'
import type { StreamStatus } from './types'

let transport: FakeTransport
beforeEach(() => {
  vi.useFakeTimers()
  transport = fakeTransport()
})
afterEach(() => {
  vi.useRealTimers()
})

const event = (data: string, id: string) => ({
  type: 'event' as const,
  event: { type: 'message', data, id, lastEventId: id },
})

function setup(retry = { jitter: 0, maxAttempts: 1 }) {
  const stream = createEventStream<{ message: number }>('http://test/sse', { transport, retry })
  const statuses: StreamStatus[] = []
  stream.status$.subscribe((status) => statuses.push(status))
  return { stream, statuses }
}

describe('restart()', () => {
  it('makes a stream that gave up idle again, resuming from its last event ID', async () => {
    const { stream } = setup()
    const values: number[] = []
    stream.on('message').subscribe((value) => values.push(value))
    await vi.advanceTimersByTimeAsync(0)
    transport.connections[0]?.subscriber.next(event('1', 'a'))
    transport.autoRespond = (connection) => connection.subscriber.error(networkError('down'))
    transport.connections[0]?.subscriber.error(networkError('down'))
    await vi.runAllTimersAsync()
    expect(stream.status).toMatchObject({ state: 'closed', error: { kind: 'gave-up' } })

    transport.autoRespond = undefined
    stream.restart()
    expect(stream.status).toEqual({ state: 'idle' })
    stream.on('message').subscribe((value) => values.push(value))
    await vi.advanceTimersByTimeAsync(0)
    const again = transport.connections.at(-1)
    expect(again?.request.lastEventId).toBe('a')
    again?.subscriber.next(event('2', 'b'))
    expect(values).toEqual([1, 2])
    expect(stream.status).toMatchObject({ state: 'connecting', attempt: 0 })
  })

  it('does nothing to a stream that is not closed', async () => {
    const { stream, statuses } = setup()
    stream.events$.subscribe()
    await vi.advanceTimersByTimeAsync(0)
    const before = statuses.length
    stream.restart()
    expect(statuses).toHaveLength(before)
    expect(transport.connections).toHaveLength(1)
  })

  it('keeps a stream closed whose signal aborted', () => {
    const s = createEventStream('http://test/sse', { transport, signal: AbortSignal.abort() })
    s.restart()
    expect(s.status).toEqual({ state: 'closed', reason: 'aborted', error: undefined })
  })
})

describe('reconnect()', () => {
  it('skips the wait while reconnecting', async () => {
    const { stream } = setup({ jitter: 0, maxAttempts: Infinity })
    stream.events$.subscribe()
    await vi.advanceTimersByTimeAsync(0)
    transport.connections[0]?.subscriber.error(
      httpError({ status: 503, statusText: '', headers: {}, body: '', retryAfter: 60_000 }),
    )
    expect(stream.status).toMatchObject({ state: 'reconnecting', delay: 60_000 })
    stream.reconnect()
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections).toHaveLength(2)
    expect(stream.status).toMatchObject({ state: 'connecting', attempt: 1 })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('drops an open connection and resumes with the last event ID', async () => {
    const { stream } = setup()
    stream.events$.subscribe()
    await vi.advanceTimersByTimeAsync(0)
    transport.connections[0]?.subscriber.next({ type: 'open' })
    transport.connections[0]?.subscriber.next(event('1', 'x'))
    stream.reconnect()
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections[0]?.closed).toBe(true)
    expect(transport.connections[1]?.request.lastEventId).toBe('x')
  })

  it('restarts a closed stream and does nothing to an idle one', async () => {
    const { stream } = setup()
    stream.reconnect()
    expect(stream.status).toEqual({ state: 'idle' })
    stream.close()
    stream.reconnect()
    expect(stream.status).toEqual({ state: 'idle' })
    expect(transport.connections).toHaveLength(0)
  })
})
