import { EventSource } from 'eventsource'
import { getEventListeners } from 'node:events'
import { filter, firstValueFrom } from 'rxjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStream, reply, startServer, streamAndEnd } from '../../test/sse-server'
import type { TestServer } from '../../test/sse-server'
import { createEventStream } from './create-event-stream'
import type { EventStreamOptions, StreamStatus } from './types'

// Real servers on 127.0.0.1 that misbehave on purpose. The policy is the default's shape with
// small numbers, so a schedule shows in a fraction of a second: what the tests pin is the
// schedule of waits the stream chose (deterministic without jitter), never how long anything took.
const policy = { initialDelay: 20, minDelay: 20, maxDelay: 160, factor: 2, jitter: 0 }
const GROWING = [20, 40, 80, 160, 160]

let server: TestServer
const streams: { close(): void }[] = []
beforeEach(async () => {
  server = await startServer()
})
afterEach(async () => {
  for (const s of streams.splice(0)) s.close()
  await server.close()
})

const transports: [string, EventStreamOptions<object>][] = [
  ['fetch', { transport: 'fetch' }],
  ['eventsource', { transport: 'eventsource', EventSource }],
]

/** Connects, lets `attempts` attempts happen, closes, and returns the waits between them. */
async function waitsAgainst(url: string, options: EventStreamOptions<object>, attempts = 6) {
  const stream = createEventStream(url, { retry: policy, ...options })
  streams.push(stream)
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

describe.each(transports)('no reconnection storm (%s)', (_, options) => {
  it('backs off from a server that sends retry: 0 and ends each response', async () => {
    server.otherwise(streamAndEnd('retry: 0\n\n'))
    expect(await waitsAgainst(server.url(), options)).toEqual([...GROWING, 160])
  })

  it('backs off from a port that refuses after a retry: 0', async () => {
    server.respond(streamAndEnd('retry: 0\n\n'))
    const url = server.url()
    const refused = server.waitForRequests(1).then(() => server.close())
    const waits = await waitsAgainst(url, options)
    await refused
    server = await startServer()
    expect(waits).toEqual([...GROWING, 160])
  })

  it('backs off from 503 with Retry-After: 0 on every answer', async () => {
    server.otherwise(reply(503, 'busy', { 'retry-after': '0' }))
    expect(await waitsAgainst(server.url(), options)).toEqual([...GROWING, 160])
  })

  it('backs off from a server that accepts and closes at once', async () => {
    server.otherwise((res) => void res.socket?.destroy())
    expect(await waitsAgainst(server.url(), options)).toEqual([...GROWING, 160])
  })

  it('backs off from a server that opens the stream and ends it at once', async () => {
    server.otherwise(streamAndEnd())
    expect(await waitsAgainst(server.url(), options)).toEqual([...GROWING, 160])
  })
})

describe('a healthy server that ends each response after its events', () => {
  let id = 0
  const eventThenEnd = () => streamAndEnd(`retry: 0\nid: ${++id}\ndata: ${id}\n\n`)

  it('gets a prompt reconnection every time (fetch)', async () => {
    server.otherwise((res, req) => eventThenEnd()(res, req))
    expect(await waitsAgainst(server.url(), { transport: 'fetch' })).toEqual([
      20, 20, 20, 20, 20, 20,
    ])
  })

  it('lets EventSource reconnect by itself once, then takes over when it comes back at once', async () => {
    server.otherwise((res, req) => eventThenEnd()(res, req))
    const waits = await waitsAgainst(
      server.url(),
      { transport: 'eventsource', EventSource, retry: { ...policy, minDelay: 1000 } },
      1,
    )
    // `undefined`: EventSource reconnected by itself (the first connection was healthy); its
    // reconnection ended within minDelay, so the stream waited on its own policy instead.
    expect(waits).toEqual([undefined, 1000])
    expect(server.requests).toHaveLength(2)
  })
})

describe('requests that cannot be sent', () => {
  it('fail at once as request errors that quote no header value', async () => {
    const stream = createEventStream(server.url(), {
      headers: () => ({ authorization: 'Bearer s3cret\r\nX-Injected: 1' }),
      retry: policy,
    })
    streams.push(stream)
    const errors: unknown[] = []
    stream.errors$.subscribe((error) => errors.push(error))
    stream.events$.subscribe()
    const closed = await firstValueFrom(stream.status$.pipe(filter((s) => s.state === 'closed')))
    expect(closed).toMatchObject({
      reason: 'error',
      error: {
        kind: 'request',
        message: 'could not build the request: invalid value for header "authorization"',
      },
    })
    expect(JSON.stringify([closed, errors, String(errors[0])])).not.toContain('s3cret')
    expect(errors).toHaveLength(1)
    expect(server.requests).toHaveLength(0)
  })

  it('fail at once for a lastEventId option no header can carry', async () => {
    const stream = createEventStream(server.url(), { lastEventId: 'a\nb', retry: policy })
    streams.push(stream)
    stream.events$.subscribe()
    const closed = await firstValueFrom(stream.status$.pipe(filter((s) => s.state === 'closed')))
    expect(closed).toMatchObject({ reason: 'error', error: { kind: 'request' } })
    expect(server.requests).toHaveLength(0)
  })
})

describe('the user signal', () => {
  it('keeps no listener once 300 streams on it closed', async () => {
    const shared = new AbortController()
    server.otherwise((res) => openStream(res))
    const many = Array.from({ length: 300 }, () =>
      createEventStream(server.url(), { signal: shared.signal, retry: policy }),
    )
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(300)
    for (const stream of many.slice(0, 3)) stream.events$.subscribe()
    await server.waitForRequests(3)
    for (const stream of many) stream.close()
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0)
  })

  it('keeps no listener once a stream completed by itself', async () => {
    const shared = new AbortController()
    server.respond(reply(204))
    const stream = createEventStream(server.url(), { signal: shared.signal, retry: policy })
    stream.events$.subscribe()
    await firstValueFrom(stream.status$.pipe(filter((s) => s.state === 'closed')))
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0)
  })
})
