import { EventSource } from 'eventsource'
import { getEventListeners } from 'node:events'
import { filter, firstValueFrom } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { BOTH_TRANSPORTS, serverPerTest } from '../../test/per-test-server'
import { openStream, reply, startServer, streamAndEnd } from '../../test/sse-server'
import { untilClosed } from '../../test/until-closed'
import { createEventStream } from './create-event-stream'
import { UNNAMED_TYPES_KEPT } from './hub'
import { eventSourceTransport } from '../transport/eventsource-transport'
import type { EventStreamOptions, StreamStatus } from './types'

// Real servers on 127.0.0.1 that misbehave on purpose. The policy is the default's shape with
// small numbers, so a schedule shows in a fraction of a second: what the tests pin is the
// schedule of waits the stream chose (deterministic without jitter), never how long anything took.
const policy = { initialDelay: 20, minDelay: 20, maxDelay: 160, factor: 2, jitter: 0 }
const GROWING = [20, 40, 80, 160, 160]

const fixture = serverPerTest()

/** Connects, lets `attempts` attempts happen, closes, and returns the waits between them. */
async function waitsAgainst(url: string, options: EventStreamOptions<object>, attempts = 6) {
  const stream = createEventStream(url, { retry: policy, ...options })
  fixture.track(stream)
  const waits: (number | undefined)[] = []
  let started = 0
  const done = firstValueFrom(
    stream.status$.pipe(
      filter((status: StreamStatus) => {
        if (status.state === 'reconnecting') waits.push(status.delay)
        if (status.state === 'connecting') started++
        return started > attempts
      }),
    ),
  )
  stream.events$.subscribe()
  await done
  stream.close()
  return waits
}

describe.each(BOTH_TRANSPORTS)('no reconnection storm (%s)', (_, options) => {
  it('backs off from a server that sends retry: 0 and ends each response', async () => {
    fixture.server.otherwise(streamAndEnd('retry: 0\n\n'))
    expect(await waitsAgainst(fixture.server.url(), options)).toEqual([...GROWING, 160])
  })

  it('backs off from a port that refuses after a retry: 0', async () => {
    fixture.server.respond(streamAndEnd('retry: 0\n\n'))
    const url = fixture.server.url()
    const refused = fixture.server.waitForRequests(1).then(() => fixture.server.close())
    const waits = await waitsAgainst(url, options)
    await refused
    fixture.server = await startServer()
    expect(waits).toEqual([...GROWING, 160])
  })

  it('backs off from 503 with Retry-After: 0 on every answer', async () => {
    fixture.server.otherwise(reply(503, 'busy', { 'retry-after': '0' }))
    expect(await waitsAgainst(fixture.server.url(), options)).toEqual([...GROWING, 160])
  })

  it('backs off from a server that accepts and closes at once', async () => {
    fixture.server.otherwise((res) => void res.socket?.destroy())
    expect(await waitsAgainst(fixture.server.url(), options)).toEqual([...GROWING, 160])
  })

  it('backs off from a server that opens the stream and ends it at once', async () => {
    fixture.server.otherwise(streamAndEnd())
    expect(await waitsAgainst(fixture.server.url(), options)).toEqual([...GROWING, 160])
  })
})

describe('a healthy server that ends each response after its events', () => {
  let id = 0
  const eventThenEnd = () => streamAndEnd(`retry: 0\nid: ${++id}\ndata: ${id}\n\n`)

  it('gets a prompt reconnection every time (fetch)', async () => {
    fixture.server.otherwise((res, req) => eventThenEnd()(res, req))
    expect(await waitsAgainst(fixture.server.url(), { transport: 'fetch' })).toEqual([
      20, 20, 20, 20, 20, 20,
    ])
  })

  it('lets EventSource reconnect by itself once, then takes over when it comes back at once', async () => {
    fixture.server.otherwise((res, req) => eventThenEnd()(res, req))
    const waits = await waitsAgainst(
      fixture.server.url(),
      { transport: eventSourceTransport({ EventSource }), retry: { ...policy, minDelay: 1000 } },
      1,
    )
    // `undefined`: EventSource reconnected by itself (the first connection was healthy); its
    // reconnection ended within minDelay, so the stream waited on its own policy instead.
    expect(waits).toEqual([undefined, 1000])
    expect(fixture.server.requests).toHaveLength(2)
  })
})

describe('requests that cannot be sent', () => {
  it('fail at once as request errors that quote no header value', async () => {
    const stream = createEventStream(fixture.server.url(), {
      headers: () => ({ authorization: 'Bearer s3cret\r\nX-Injected: 1' }),
      retry: policy,
    })
    fixture.track(stream)
    const errors: unknown[] = []
    stream.errors$.subscribe((error) => errors.push(error))
    stream.events$.subscribe()
    const closed = await untilClosed(stream)
    expect(closed).toMatchObject({
      reason: 'error',
      error: {
        kind: 'request',
        message: 'could not build the request: invalid value for header "authorization"',
      },
    })
    expect(JSON.stringify([closed, errors, String(errors[0])])).not.toContain('s3cret')
    expect(errors).toHaveLength(1)
    expect(fixture.server.requests).toHaveLength(0)
  })

  it('fail at once for a lastEventId option no header can carry', async () => {
    const stream = createEventStream(fixture.server.url(), { lastEventId: 'a\nb', retry: policy })
    fixture.track(stream)
    stream.events$.subscribe()
    const closed = await untilClosed(stream)
    expect(closed).toMatchObject({ reason: 'error', error: { kind: 'request' } })
    expect(fixture.server.requests).toHaveLength(0)
  })
})

describe('a fetch that cannot stream a response body (React Native, a fetch polyfill)', () => {
  it('closes the stream with a request error naming the way out, instead of reconnecting', async () => {
    fixture.server.otherwise(streamAndEnd('id: 1\ndata: 1\n\n'))
    const bodiless: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      await response.body?.cancel()
      return new Response(null, { status: response.status, headers: response.headers })
    }
    const stream = createEventStream(fixture.server.url(), { fetch: bodiless, retry: policy })
    fixture.track(stream)
    const states: string[] = []
    stream.status$.subscribe((status) => states.push(status.state))
    stream.events$.subscribe()
    const closed = await untilClosed(stream)
    expect(closed).toMatchObject({
      reason: 'error',
      error: {
        kind: 'request',
        message: expect.stringContaining('use transport: eventSourceTransport()'),
      },
    })
    expect(states).toEqual(['idle', 'connecting', 'closed'])
    expect(fixture.server.requests).toHaveLength(1)
  })
})

describe('the user signal', () => {
  it('keeps no listener once 300 streams on it closed', async () => {
    const shared = new AbortController()
    fixture.server.otherwise((res) => openStream(res))
    const many = Array.from({ length: 300 }, () =>
      createEventStream(fixture.server.url(), { signal: shared.signal, retry: policy }),
    )
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(300)
    for (const stream of many.slice(0, 3)) stream.events$.subscribe()
    await fixture.server.waitForRequests(3)
    for (const stream of many) stream.close()
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0)
  })

  it('keeps no listener once a stream completed by itself', async () => {
    const shared = new AbortController()
    fixture.server.respond(reply(204))
    const stream = createEventStream(fixture.server.url(), { signal: shared.signal, retry: policy })
    stream.events$.subscribe()
    await untilClosed(stream)
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0)
  })
})

describe('a server that floods ever new event types', () => {
  it('keeps the latest payload of the types the app named and of the newest others only', async () => {
    const types = 5 * UNNAMED_TYPES_KEPT
    const blocks = Array.from({ length: types }, (_, i) => `event: t${i}\ndata: ${i}\n\n`)
    fixture.server.respond(streamAndEnd('event: tick\ndata: "kept"\n\n', ...blocks))
    const stream = createEventStream<Record<string, unknown>>(fixture.server.url(), {
      live: false,
    })
    fixture.track(stream)
    stream.on('tick').subscribe()
    await untilClosed(stream)
    const kept = Array.from({ length: types }, (_, i) => stream.latest(`t${i}`)).filter(
      (latest) => latest !== undefined,
    )
    expect(stream.latest('tick')).toBe('kept')
    expect(kept).toEqual(
      Array.from({ length: UNNAMED_TYPES_KEPT }, (_, i) => types - UNNAMED_TYPES_KEPT + i),
    )
  })
})
