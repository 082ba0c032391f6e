import { filter, firstValueFrom } from 'rxjs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTransport } from '../../test/fake-transport'
import { BOTH_TRANSPORTS, serverPerTest } from '../../test/per-test-server'
import { openStream, stream } from '../../test/sse-server'
import type { StreamError } from '../errors'
import { createEventStream } from './create-event-stream'

describe('the idle watchdog over a real server', () => {
  const fixture = serverPerTest()

  it.each(BOTH_TRANSPORTS)(
    'drops a stream that stalls after its headers and resumes with the last event ID (%s)',
    async (_, options) => {
      // Headers and one event, then silence on an open socket: a half-open link.
      fixture.server.respond(stream('id: 1\ndata: 1\n\n'), stream('id: 2\ndata: 2\n\n'))
      const s = createEventStream<{ message: number }>(fixture.server.url(), {
        idleTimeout: 500,
        retry: { initialDelay: 1, minDelay: 1, jitter: 0 },
        ...options,
      })
      fixture.track(s)
      const errors: StreamError[] = []
      s.errors$.subscribe((error) => errors.push(error))
      const values: number[] = []
      s.on('message').subscribe((value) => values.push(value))
      await fixture.server.waitForRequests(2)
      await firstValueFrom(s.on('message').pipe(filter((value) => value === 2)))
      expect(values).toEqual([1, 2])
      expect(errors[0]).toEqual({ kind: 'timeout', message: 'no data for 500 ms', timeout: 500 })
      expect(fixture.server.requests[1]?.lastEventId).toBe('1')
    },
  )

  it('counts comments as life on the fetch transport', async () => {
    let beaten: () => void = () => {}
    const beatsSent = new Promise<void>((resolve) => (beaten = resolve))
    fixture.server.respond((res) => {
      openStream(res)
      res.write('data: 1\n\n')
      let beats = 0
      const timer = setInterval(() => {
        res.write(': heartbeat\n\n')
        if (++beats < 15) return
        clearInterval(timer)
        beaten()
      }, 100)
      res.on('close', () => clearInterval(timer))
    })
    // 15 heartbeats 100 ms apart outlast the timeout: only they kept the stream alive.
    const s = createEventStream(fixture.server.url(), { idleTimeout: 1000, transport: 'fetch' })
    fixture.track(s)
    const errors: StreamError[] = []
    s.errors$.subscribe((error) => errors.push(error))
    s.events$.subscribe()
    await beatsSent
    expect(errors).toEqual([])
    expect(s.status).toEqual({ state: 'open' })
    expect(fixture.server.requests).toHaveLength(1)
  })
})

describe('the idle watchdog under fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('fires only after idleTimeout ms without any message, and not while connecting fine', async () => {
    const transport = fakeTransport()
    const s = createEventStream(`http://test/sse`, {
      transport,
      idleTimeout: 1000,
      retry: { jitter: 0 },
    })
    const errors: StreamError[] = []
    s.errors$.subscribe((error) => errors.push(error))
    s.events$.subscribe()
    await vi.advanceTimersByTimeAsync(0)
    const first = transport.connections[0]
    first?.subscriber.next({ type: 'open' })
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(900)
      first?.subscriber.next({ type: 'activity' })
    }
    expect(errors).toEqual([])
    await vi.advanceTimersByTimeAsync(999)
    expect(errors).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(errors.map((e) => e.kind)).toEqual(['timeout'])
    expect(first?.closed).toBe(true)
    expect(s.status).toMatchObject({
      state: 'reconnecting',
      attempt: 1,
      error: { kind: 'timeout' },
    })
    s.close()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('is off by default', async () => {
    const transport = fakeTransport()
    const s = createEventStream(`http://test/sse`, { transport })
    s.events$.subscribe()
    await vi.advanceTimersByTimeAsync(0)
    transport.connections[0]?.subscriber.next({ type: 'open' })
    expect(vi.getTimerCount()).toBe(0)
    s.close()
  })
})
