import { firstValueFrom, lastValueFrom, toArray } from 'rxjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reply, startServer, stream, streamAndDrop, streamAndEnd } from '../../test/sse-server'
import type { TestServer } from '../../test/sse-server'
import { untilClosed } from '../../test/until-closed'
import type { StreamError } from '../errors'
import { createEventStream } from './create-event-stream'
import type { EventStream, EventStreamOptions, StreamStatus } from './types'

interface StockPrice {
  symbol: string
  price: number
}
type StockEvents = { stockUpdate: StockPrice; notice: string }

let server: TestServer
const opened: { close(): void }[] = []
beforeEach(async () => {
  server = await startServer()
})
afterEach(async () => {
  for (const s of opened.splice(0)) s.close()
  await server.close()
})

/** A stream with an immediate, jitter-free reconnection, closed after the test. */
function open<Events extends object = StockEvents>(
  options: EventStreamOptions<Events> = {},
  path = '/sse',
): EventStream<Events> {
  const s = createEventStream<Events>(server.url(path), {
    retry: { initialDelay: 1, minDelay: 1, jitter: 0 },
    ...options,
  })
  opened.push(s)
  return s
}

function record<T>(source: { subscribe(observer: (value: T) => void): unknown }): T[] {
  const values: T[] = []
  source.subscribe((value) => values.push(value))
  return values
}

describe('createEventStream over a real server', () => {
  it('routes JSON-decoded events by type', async () => {
    server.respond(
      streamAndEnd(
        'event: stockUpdate\nid: 1\ndata: {"symbol":"ACME","price":12.5}\n\n',
        'event: notice\ndata: "market opens"\n\n',
        'event: stockUpdate\nid: 2\ndata: {"symbol":"ACME","price":13}\n\n',
      ),
    )
    const stocks = open({ live: false })
    const notices = record(stocks.on('notice'))
    const prices = await lastValueFrom(stocks.on('stockUpdate').pipe(toArray()))
    expect(prices).toEqual([
      { symbol: 'ACME', price: 12.5 },
      { symbol: 'ACME', price: 13 },
    ])
    expect(notices).toEqual(['market opens'])
    expect(stocks.lastEventId).toBe('2')
    expect(stocks.latest('stockUpdate')).toEqual({ symbol: 'ACME', price: 13 })
    expect(stocks.status).toEqual({ state: 'closed', reason: 'ended', error: undefined })
  })

  it('gives every event on events$ with its type, data, id and raw text', async () => {
    server.respond(streamAndEnd('event: notice\nid: 9\ndata: "hi"\n\n'))
    const stocks = open({ live: false })
    expect(await lastValueFrom(stocks.events$.pipe(toArray()))).toEqual([
      { type: 'notice', data: 'hi', id: '9', lastEventId: '9', raw: '"hi"' },
    ])
  })

  it('reconnects after a drop mid-event with the last event id and loses nothing', async () => {
    server.respond(
      streamAndDrop('id: 1\ndata: 1\n\n', 'id: 2\ndata: 2\n\nid: 3\ndata: '),
      streamAndEnd('id: 3\ndata: 3\n\n', 'id: 4\ndata: 4\n\n'),
    )
    const s = open<{ message: number }>({ live: false, idempotent: true })
    const values = await lastValueFrom(s.on('message').pipe(toArray()))
    expect(values).toEqual([1, 2, 3, 4])
    expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual([undefined, '2'])
  })

  it('waits the server retry before reconnecting', async () => {
    server.respond(streamAndEnd('retry: 7\ndata: 1\n\n'), stream())
    const s = open<{ message: number }>()
    const statuses = record(s.status$)
    s.events$.subscribe()
    await server.waitForRequests(2)
    expect(statuses.find((status) => status.state === 'reconnecting')).toMatchObject({
      attempt: 1,
      delay: 7,
      error: undefined,
    })
  })

  it.each(['999999999', '99999999999999999999', '9'.repeat(400)])(
    'caps a hostile server retry of %s',
    async (digits) => {
      server.respond(streamAndEnd(`retry: ${digits}\n\n`))
      const s = open({ retry: { jitter: 0, maxServerDelay: 60_000 } })
      const statuses = record(s.status$)
      s.events$.subscribe()
      await new Promise<void>((resolve) =>
        s.status$.subscribe((status) => status.state === 'reconnecting' && resolve()),
      )
      // spec: the digits set the reconnection time, however many; the policy caps it.
      expect(statuses.at(-1)).toMatchObject({ state: 'reconnecting', attempt: 1, delay: 60_000 })
    },
  )

  it('stops on 204 No Content without reconnecting', async () => {
    server.respond(reply(204))
    const s = open()
    s.events$.subscribe()
    expect(await untilClosed(s)).toEqual({
      state: 'closed',
      reason: 'no-content',
      error: undefined,
    })
    expect(server.requests).toHaveLength(1)
  })

  it('fails on 404 with a typed http error and does not reconnect', async () => {
    server.respond(reply(404, 'no such stream', { 'content-type': 'text/plain' }))
    const s = open()
    const errors = record(s.errors$)
    s.events$.subscribe()
    const closed = await untilClosed(s)
    expect(closed.reason).toBe('error')
    expect(closed.error).toMatchObject({ kind: 'http', status: 404, body: 'no such stream' })
    expect(errors).toEqual([closed.error])
    expect(server.requests).toHaveLength(1)
  })

  it('reconnects after a 500', async () => {
    server.respond(reply(500), streamAndEnd('data: 1\n\n'))
    const s = open({ live: false })
    const errors = record(s.errors$)
    expect(await lastValueFrom(s.events$.pipe(toArray()))).toHaveLength(1)
    expect(errors.map((e) => e.kind === 'http' && e.status)).toEqual([500])
    expect(server.requests).toHaveLength(2)
  })

  it('fails on a wrong content type and does not reconnect', async () => {
    server.respond(reply(200, '{}', { 'content-type': 'application/json' }))
    const s = open()
    s.events$.subscribe()
    expect((await untilClosed(s)).error).toEqual({
      kind: 'content-type',
      message: 'expected text/event-stream, got application/json',
      contentType: 'application/json',
    })
    expect(server.requests).toHaveLength(1)
  })

  it('honours Retry-After on a 503', async () => {
    server.respond(reply(503, '', { 'retry-after': '3' }))
    const s = open()
    s.events$.subscribe()
    const reconnecting = await new Promise<StreamStatus>((resolve) =>
      s.status$.subscribe((status) => status.state === 'reconnecting' && resolve(status)),
    )
    expect(reconnecting).toMatchObject({ attempt: 1, delay: 3000, error: { status: 503 } })
  })

  it('shares one request between subscribers and aborts it when the last leaves', async () => {
    server.respond(stream('data: 1\n\n'))
    const s = open()
    const a = s.events$.subscribe()
    const b = s.on('notice').subscribe()
    const [request] = await server.waitForRequests(1)
    a.unsubscribe()
    expect(s.status.state).not.toBe('idle')
    b.unsubscribe()
    await request?.closed
    expect(server.requests).toHaveLength(1)
    expect(s.status).toEqual({ state: 'idle' })
  })

  it('keeps the connection through a quick resubscribe with keepAlive', async () => {
    server.respond(stream('data: 1\n\n'))
    const s = open({ keepAlive: 60_000 })
    s.events$.subscribe().unsubscribe()
    await firstValueFrom(s.events$)
    expect(server.requests).toHaveLength(1)
  })

  it('closes from inside a subscriber without delivering the rest of the chunk', async () => {
    server.respond(stream('data: 1\n\ndata: 2\n\ndata: 3\n\n'))
    const s = open<{ message: number }>()
    const seen: number[] = []
    await new Promise<void>((resolve) =>
      s.on('message').subscribe({
        next: (value) => {
          seen.push(value)
          s.close()
        },
        complete: resolve,
      }),
    )
    expect(seen).toEqual([1])
    expect(s.status).toEqual({ state: 'closed', reason: 'closed', error: undefined })
    await server.requests[0]?.closed
  })

  it('closes from a status listener on open and releases the connection', async () => {
    server.respond(stream('data: 1\n\n'))
    const s = open<{ message: number }>()
    s.status$.subscribe((status) => status.state === 'open' && s.close())
    expect(await lastValueFrom(s.on('message').pipe(toArray()))).toEqual([])
    await server.requests[0]?.closed
    expect(s.status).toEqual({ state: 'closed', reason: 'closed', error: undefined })
  })

  it('never connects with an already aborted signal', async () => {
    const s = open({ signal: AbortSignal.abort() })
    expect(await lastValueFrom(s.events$.pipe(toArray()))).toEqual([])
    expect(s.status).toEqual({ state: 'closed', reason: 'aborted', error: undefined })
    expect(server.requests).toHaveLength(0)
  })

  it('closes an idle stream as soon as its signal aborts', () => {
    const controller = new AbortController()
    const s = open({ signal: controller.signal })
    expect(s.status).toEqual({ state: 'idle' })
    controller.abort()
    expect(s.status).toEqual({ state: 'closed', reason: 'aborted', error: undefined })
    expect(server.requests).toHaveLength(0)
  })

  it('completes, without an error, when the signal aborts', async () => {
    server.respond(stream('data: 1\n\n'))
    const controller = new AbortController()
    const s = open<{ message: number }>({ signal: controller.signal })
    const done = lastValueFrom(s.on('message').pipe(toArray()))
    await firstValueFrom(s.on('message'))
    controller.abort()
    expect(await done).toEqual([1])
    expect(s.status).toEqual({ state: 'closed', reason: 'aborted', error: undefined })
  })

  it('skips an event that fails to decode and reports it', async () => {
    server.respond(streamAndEnd('data: {oops\n\n', 'data: 2\n\n'))
    const s = open<{ message: number }>({ live: false })
    const errors = record(s.errors$)
    expect(await lastValueFrom(s.on('message').pipe(toArray()))).toEqual([2])
    expect(errors).toMatchObject([{ kind: 'decode', type: 'message', data: '{oops' }])
  })

  it('closes on a decode error when asked', async () => {
    server.respond(stream('data: {oops\n\n', 'data: 2\n\n'))
    const s = open<{ message: number }>({ onDecodeError: 'close' })
    expect(await lastValueFrom(s.on('message').pipe(toArray()))).toEqual([])
    expect(s.status).toMatchObject({ state: 'closed', reason: 'error', error: { kind: 'decode' } })
  })

  it('uses a decoder per event type', async () => {
    server.respond(streamAndEnd('event: notice\ndata: plain text\n\n'))
    const s = open({ live: false, decode: { notice: (data) => data.toUpperCase() } })
    expect(await lastValueFrom(s.on('notice').pipe(toArray()))).toEqual(['PLAIN TEXT'])
  })
})

describe('requests that must not be re-sent', () => {
  it('does not re-send a POST after it ended', async () => {
    server.respond(streamAndEnd('data: "answer"\n\n'))
    const s = open<{ message: string }>({ method: 'POST', body: '{"prompt":"hi"}' })
    expect(await lastValueFrom(s.on('message').pipe(toArray()))).toEqual(['answer'])
    expect(s.status).toEqual({ state: 'closed', reason: 'ended', error: undefined })
    expect(server.requests.map((r) => [r.method, r.body])).toEqual([['POST', '{"prompt":"hi"}']])
  })

  it('does not re-send a POST that dropped after events without ids', async () => {
    server.respond(streamAndDrop('data: "part one"\n\n'))
    const s = open<{ message: string }>({ method: 'POST' })
    expect(await lastValueFrom(s.on('message').pipe(toArray()))).toEqual(['part one'])
    expect(s.status).toMatchObject({ state: 'closed', reason: 'error', error: { kind: 'network' } })
    expect(server.requests).toHaveLength(1)
  })

  it('resumes a POST that dropped after an event with an id', async () => {
    server.respond(streamAndDrop('id: a\ndata: 1\n\n'), streamAndEnd('id: b\ndata: 2\n\n'))
    const s = open<{ message: number }>({ method: 'POST', body: 'q' })
    expect(await lastValueFrom(s.on('message').pipe(toArray()))).toEqual([1, 2])
    expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual([undefined, 'a'])
  })

  it('re-sends a POST when the user opts in', async () => {
    server.respond(streamAndDrop('data: 1\n\n'), streamAndEnd('data: 2\n\n'))
    const s = open<{ message: number }>({ method: 'POST', resendNonIdempotent: true })
    expect(await lastValueFrom(s.on('message').pipe(toArray()))).toEqual([1, 2])
  })
})

describe('the request factory', () => {
  it('builds headers, url and body per attempt, sync or async', async () => {
    server.respond(reply(500), streamAndEnd())
    let token = 0
    const s = createEventStream(async () => server.url(`/sse?n=${token}`), {
      method: 'POST',
      headers: () => ({ authorization: `Bearer ${++token}` }),
      body: async () => `attempt ${token}`,
      retry: { initialDelay: 1, minDelay: 1, jitter: 0 },
    })
    opened.push(s)
    await lastValueFrom(s.events$.pipe(toArray()))
    expect(server.requests.map((r) => [r.url, r.headers.authorization, r.body])).toEqual([
      ['/sse?n=0', 'Bearer 1', 'attempt 1'],
      ['/sse?n=1', 'Bearer 2', 'attempt 2'],
    ])
  })

  it('runs the 401 hook, then resumes with fresh credentials', async () => {
    server.respond(reply(401), streamAndEnd('data: 1\n\n'))
    let token = 'old'
    const s = open<{ message: number }>({
      live: false,
      headers: () => ({ authorization: token }),
      onUnauthorized: async () => {
        token = 'new'
      },
    })
    expect(await lastValueFrom(s.on('message').pipe(toArray()))).toEqual([1])
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['old', 'new'])
  })

  it('gives up after a second 401 in a row', async () => {
    server.respond(reply(401), reply(401))
    const s = open({ onUnauthorized: () => true })
    s.events$.subscribe()
    expect(await untilClosed(s)).toMatchObject({ reason: 'error', error: { status: 401 } })
    expect(server.requests).toHaveLength(2)
  })

  it('reports a request function that throws as a request error', async () => {
    const s = open({
      headers: () => {
        throw new Error('no token')
      },
    })
    const errors: StreamError[] = record(s.errors$)
    s.events$.subscribe()
    expect((await untilClosed(s)).error).toMatchObject({ kind: 'request' })
    expect(errors.map((e) => e.kind)).toEqual(['request'])
    expect(server.requests).toHaveLength(0)
  })
})
