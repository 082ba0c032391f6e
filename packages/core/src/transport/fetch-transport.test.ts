import { firstValueFrom, lastValueFrom, toArray } from 'rxjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reply, startServer, stream, streamAndDrop, streamAndEnd } from '../../test/sse-server'
import type { TestServer } from '../../test/sse-server'
import type { StreamError } from '../errors'
import { fetchTransport } from './fetch-transport'
import type { TransportMessage, TransportRequest } from './types'

let server: TestServer
beforeEach(async () => {
  server = await startServer()
})
afterEach(async () => {
  await server.close()
})

function request(overrides: Partial<TransportRequest> = {}): TransportRequest {
  return {
    url: server.url(),
    method: 'GET',
    headers: {},
    body: undefined,
    credentials: undefined,
    lastEventId: '',
    ...overrides,
  }
}

/**
 * Every message but `activity`, with each `events` batch (one a chunk, so as many as the network
 * happened to cut) spread into single `event` messages.
 */
const collect = (req: TransportRequest, transport = fetchTransport()) =>
  lastValueFrom(transport.connect(req).pipe(toArray())).then(spread)

const spread = (messages: TransportMessage[]): TransportMessage[] =>
  messages.flatMap((m): TransportMessage[] =>
    m.type === 'activity'
      ? []
      : m.type === 'events'
        ? m.events.map((event) => ({ type: 'event', event }))
        : [m],
  )

const failure = (req: TransportRequest, transport = fetchTransport()) =>
  lastValueFrom(transport.connect(req)).then(
    () => {
      throw new Error('expected the connection to fail')
    },
    (error: StreamError) => error,
  )

describe('fetchTransport', () => {
  it('opens, delivers events and completes at the end of the stream', async () => {
    server.respond(
      streamAndEnd('retry: 250\n: hi\n', 'id: 1\nevent: tick\ndata: {"n":1}\n\n', 'data: x\n\n'),
    )
    const messages = await collect(request())
    expect(messages).toEqual<TransportMessage[]>([
      { type: 'open' },
      { type: 'retry', delay: 250 },
      { type: 'comment', text: 'hi' },
      { type: 'event', event: { type: 'tick', data: '{"n":1}', id: '1', lastEventId: '1' } },
      { type: 'event', event: { type: 'message', data: 'x', id: undefined, lastEventId: '1' } },
    ])
  })

  it('sends the method, headers, body and Last-Event-ID it is given', async () => {
    server.respond(streamAndEnd())
    await collect(
      request({
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: '{"q":1}',
        lastEventId: '41',
      }),
    )
    const [received] = server.requests
    expect(received?.method).toBe('POST')
    expect(received?.body).toBe('{"q":1}')
    expect(received?.headers).toMatchObject({
      accept: 'text/event-stream',
      authorization: 'Bearer t',
      'content-type': 'application/json',
      'last-event-id': '41',
    })
  })

  it('reports a last event ID moved by an id-only block', async () => {
    server.respond(streamAndEnd('data: a\n\n', 'id: 7\n\n'))
    const messages = await collect(request())
    expect(messages.slice(-1)).toEqual([{ type: 'last-event-id', lastEventId: '7' }])
  })

  it('sends no Last-Event-ID header when there is none', async () => {
    server.respond(streamAndEnd())
    await collect(request())
    expect(server.requests[0]?.headers['last-event-id']).toBeUndefined()
  })

  it('reports 204 No Content and completes', async () => {
    server.respond(reply(204))
    expect(await collect(request())).toEqual([{ type: 'no-content' }])
  })

  it('fails with an http error carrying status, headers and the start of the body', async () => {
    server.respond(reply(503, 'x'.repeat(5000), { 'retry-after': '7', 'x-trace': 'abc' }))
    const error = await failure(request())
    expect(error).toMatchObject({ kind: 'http', status: 503, retryAfter: 7000 })
    if (error.kind !== 'http') throw new Error('unreachable')
    expect(error.headers['x-trace']).toBe('abc')
    expect(error.body).toBe('x'.repeat(1024))
  })

  it('reports an http error with the body so far when the error body stalls', async () => {
    server.respond((res) => {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.write('upstream timed')
    })
    const error = await failure(request(), fetchTransport({ errorBodyTimeout: 50 }))
    expect(error).toMatchObject({ kind: 'http', status: 500, body: 'upstream timed' })
  })

  it('fails with a content-type error on a response that is not an event stream', async () => {
    server.respond(reply(200, '<html>', { 'content-type': 'text/html' }))
    expect(await failure(request())).toEqual({
      kind: 'content-type',
      message: 'expected text/event-stream, got text/html',
      contentType: 'text/html',
    })
  })

  it('accepts text/event-stream with parameters and in any case', async () => {
    server.respond(
      reply(200, 'data: a\n\n', { 'content-type': 'Text/Event-Stream ; charset=UTF-8' }),
    )
    const messages = await collect(request())
    expect(messages.map((m) => m.type)).toEqual(['open', 'event'])
  })

  it('fails with a network error when the connection drops mid-event', async () => {
    server.respond(streamAndDrop('id: 1\ndata: a\n\n', 'id: 2\ndata: par'))
    const seen: TransportMessage[] = []
    const error = await new Promise<StreamError>((resolve) =>
      fetchTransport()
        .connect(request())
        .subscribe({ next: (m) => seen.push(m), error: resolve }),
    )
    expect(error.kind).toBe('network')
    expect(spread(seen).filter((m) => m.type === 'event')).toEqual([
      { type: 'event', event: { type: 'message', data: 'a', id: '1', lastEventId: '1' } },
    ])
  })

  it('fails with a network error when nothing listens', async () => {
    const port = new URL(server.origin).port
    await server.close()
    const error = await failure(request({ url: `http://127.0.0.1:${port}/sse` }))
    expect(error.kind).toBe('network')
    server = await startServer()
  })

  it('fails with a parse error when a line breaks the limit', async () => {
    server.respond(stream('data: ' + 'y'.repeat(100) + '\n\n'))
    const error = await failure(request(), fetchTransport({ maxLineLength: 50 }))
    expect(error).toMatchObject({ kind: 'parse', cause: { type: 'line-too-long', limit: 50 } })
  })

  it('aborts the request when unsubscribed', async () => {
    server.respond(stream('data: a\n\n'))
    const subscription = fetchTransport().connect(request()).subscribe()
    const [received] = await server.waitForRequests(1)
    subscription.unsubscribe()
    await received?.closed
    expect(subscription.closed).toBe(true)
  })

  it('calls a custom fetch without a foreign this', async () => {
    server.respond(streamAndEnd('data: a\n\n'))
    const transport = fetchTransport({
      fetch: function (this: unknown, input, init) {
        if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation')
        return fetch(input, init)
      },
    })
    expect(await firstValueFrom(transport.connect(request()))).toEqual({ type: 'open' })
  })

  it('reports bytes as activity, also when they end no line', async () => {
    server.respond(streamAndDrop('data: half a li'))
    const seen: string[] = []
    await new Promise((resolve) =>
      fetchTransport()
        .connect(request())
        .subscribe({ next: (m) => seen.push(m.type), error: resolve }),
    )
    expect(seen[0]).toBe('open')
    expect(seen.slice(1).every((type) => type === 'activity')).toBe(true)
    expect(seen.length).toBeGreaterThanOrEqual(2)
  })
})

describe('fetchTransport requests that cannot be sent', () => {
  it('sends the Last-Event-ID header as the UTF-8 bytes of the id', async () => {
    const ids = ['株-7', 'é-8', '🚀-9', 'plain-10']
    for (const _ of ids) server.respond(streamAndEnd())
    for (const lastEventId of ids) await collect(request({ lastEventId }))
    // Node hands header bytes over as Latin-1: re-read them as the bytes they were.
    const received = server.requests.map((r) =>
      Buffer.from(r.headers['last-event-id'] as string, 'latin1').toString('utf8'),
    )
    expect(received).toEqual(ids)
  })

  it('fails at once with a request error, quoting no value, for a header that cannot be sent', async () => {
    const error = await failure(request({ headers: { authorization: 'Bearer s3cret\r\nX: y' } }))
    expect(error).toEqual({
      kind: 'request',
      message: 'could not build the request: invalid value for header "authorization"',
      cause: new Error('invalid value for header "authorization"'),
    })
    expect(JSON.stringify(error)).not.toContain('s3cret')
    expect(server.requests).toHaveLength(0)
  })

  it('fails with a request error for a last event ID no header can carry', async () => {
    const error = await failure(request({ lastEventId: 'a\nb' }))
    expect(error.message).toBe(
      'could not build the request: the last event ID cannot be sent in a header',
    )
    expect(server.requests).toHaveLength(0)
  })

  it('fails with a request error for a URL fetch cannot use', async () => {
    const error = await failure(request({ url: '/relative?token=abc' }))
    expect(error).toMatchObject({
      kind: 'request',
      message: 'could not build the request: invalid URL',
    })
    expect(error.message).not.toContain('token')
  })

  it('leaves set-cookie out of an http error', async () => {
    server.respond(reply(500, '', { 'set-cookie': 'session=s3cret', 'x-id': '1' }))
    const error = await failure(request())
    if (error.kind !== 'http') throw new Error('expected an http error')
    expect(error.headers['set-cookie']).toBeUndefined()
    expect(error.headers['x-id']).toBe('1')
  })

  it('sends the events of one chunk as one message, before any later message', async () => {
    server.respond(streamAndEnd('data: 1\n\ndata: 2\n\n: note\ndata: 3\n\n'))
    const types = (await lastValueFrom(fetchTransport().connect(request()).pipe(toArray())))
      .filter((m) => m.type !== 'activity')
      .map((m) => (m.type === 'events' ? m.events.map((e) => e.data).join('+') : m.type))
    expect(types).toEqual(['open', '1+2', 'comment', '3'])
  })

  it('splits a large chunk into messages of at most 256 events, in order', async () => {
    const text = Array.from({ length: 600 }, (_, i) => `id: ${i}\ndata: ${i}\n\n`).join('')
    const oneChunk: typeof fetch = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(text))
            controller.close()
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      )
    const messages = await lastValueFrom(
      fetchTransport({ fetch: oneChunk }).connect(request()).pipe(toArray()),
    )
    const batches = messages.flatMap((m) => (m.type === 'events' ? [m.events] : []))
    expect(batches.map((events) => events.length)).toEqual([256, 256, 88])
    expect(batches.flat().map((event) => event.data)).toEqual(
      Array.from({ length: 600 }, (_, i) => String(i)),
    )
  })
})
