import { EventSource } from 'eventsource'
import { firstValueFrom, Subject, take, toArray } from 'rxjs'
import type { Observable } from 'rxjs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ServerResponse } from 'node:http'
import { openStream, reply, startServer, stream, streamAndDrop } from '../../test/sse-server'
import type { TestServer } from '../../test/sse-server'
import { createEventStream } from '../stream'
import type { EventStreamOptions, StreamStatus } from '../stream'
import { eventSourceTransport } from './eventsource-transport'
import type { EventSourceConstructor } from './eventsource-transport'
import { withLastEventId } from './last-event-id'
import type { TransportMessage, TransportRequest } from './types'

let server: TestServer
const opened: { close(): void }[] = []
beforeEach(async () => {
  server = await startServer()
})
afterEach(async () => {
  for (const s of opened.splice(0)) s.close()
  await server.close()
})

type Events = { tick: number; message: string }

function open(options: EventStreamOptions<Events> = {}) {
  const s = createEventStream<Events>(server.url(), {
    transport: eventSourceTransport({ EventSource }),
    retry: { initialDelay: 1, minDelay: 1, jitter: 0 },
    ...options,
  })
  opened.push(s)
  return s
}

const first = <T>(source: Observable<T>, count: number) =>
  firstValueFrom(source.pipe(take(count), toArray()))

const statusWhere = (
  s: { status$: { subscribe(f: (s: StreamStatus) => void): unknown } },
  state: StreamStatus['state'],
) =>
  new Promise<StreamStatus>((resolve) =>
    s.status$.subscribe((status) => status.state === state && resolve(status)),
  )

describe('eventSourceTransport with the eventsource package', () => {
  it('routes named and unnamed events', async () => {
    server.respond(
      stream('event: tick\nid: 1\ndata: 1\n\n', 'data: "hello"\n\nevent: tick\ndata: 2\n\n'),
    )
    const s = open()
    const messages: string[] = []
    s.on('message').subscribe((m) => messages.push(m))
    expect(await first(s.on('tick'), 2)).toEqual([1, 2])
    expect(messages).toEqual(['hello'])
    expect(s.lastEventId).toBe('1')
  })

  it('listens for a type asked for while already connected', async () => {
    let response: ServerResponse | undefined
    server.respond((res) => {
      openStream(res)
      res.write('data: "first"\n\n')
      response = res
    })
    const s = open()
    s.events$.subscribe()
    expect(await first(s.on('message'), 1)).toEqual(['first'])
    const ticks = first(s.on('tick'), 1)
    response?.write('event: tick\ndata: 3\n\n')
    expect(await ticks).toEqual([3])
  })

  it('lets EventSource reconnect by itself, resending Last-Event-ID, and shows it in the status', async () => {
    server.respond(streamAndDrop('retry: 1\nid: 1\ndata: "a"\n\n'), stream('id: 2\ndata: "b"\n\n'))
    const s = open()
    const statuses: StreamStatus[] = []
    s.status$.subscribe((status) => statuses.push(status))
    expect(await first(s.on('message'), 2)).toEqual(['a', 'b'])
    expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual([undefined, '1'])
    expect(server.requests.map((r) => r.url)).toEqual(['/sse', '/sse'])
    expect(statuses.map((st) => st.state)).toEqual([
      'idle',
      'connecting',
      'open',
      'reconnecting',
      'open',
      'idle',
    ])
    expect(statuses[3]).toMatchObject({
      attempt: 1,
      delay: undefined,
      error: {
        kind: 'network',
        message: 'network error: TypeError: terminated: other side closed',
      },
    })
  })

  it('creates a new EventSource after it gave up on a 503, with the id in the query', async () => {
    server.respond(
      streamAndDrop('retry: 1\nid: 5\ndata: "a"\n\n'),
      reply(503),
      stream('id: 6\ndata: "b"\n\n'),
    )
    const s = open()
    expect(await first(s.on('message'), 2)).toEqual(['a', 'b'])
    expect(server.requests.map((r) => r.url)).toEqual(['/sse', '/sse', '/sse?lastEventId=5'])
  })

  it('closes with an eventsource error on a 404', async () => {
    server.respond(reply(404))
    const s = open()
    s.events$.subscribe()
    expect(await statusWhere(s, 'closed')).toEqual({
      state: 'closed',
      reason: 'error',
      error: {
        kind: 'eventsource',
        message: 'EventSource failed the connection (HTTP 404)',
        status: 404,
      },
    })
    expect(server.requests).toHaveLength(1)
  })

  it('stops on 204 No Content', async () => {
    server.respond(reply(204))
    const s = open()
    s.events$.subscribe()
    expect(await statusWhere(s, 'closed')).toEqual({
      state: 'closed',
      reason: 'no-content',
      error: undefined,
    })
  })

  it('closes the EventSource when the last subscriber leaves', async () => {
    server.respond(stream('data: "a"\n\n'))
    const s = open()
    const subscription = s.events$.subscribe()
    await statusWhere(s, 'open')
    subscription.unsubscribe()
    await server.requests[0]?.closed
    expect(s.status).toEqual({ state: 'idle' })
  })

  it('refuses custom headers, which EventSource cannot send', async () => {
    const s = open({ headers: { authorization: 'Bearer t' } })
    s.events$.subscribe()
    expect(await statusWhere(s, 'closed')).toMatchObject({
      error: {
        kind: 'request',
        message: 'could not build the request: EventSource cannot send headers',
      },
    })
    expect(server.requests).toHaveLength(0)
  })

  it('refuses a POST, which EventSource cannot send', async () => {
    const s = open({ method: 'POST' })
    s.events$.subscribe()
    expect(s.status).toMatchObject({ state: 'connecting' })
    expect(await statusWhere(s, 'closed')).toMatchObject({ error: { kind: 'request' } })
    expect(server.requests).toHaveLength(0)
  })
})

describe('eventSourceTransport with an injected constructor', () => {
  it('passes withCredentials, listens for the asked types and cleans up everything', () => {
    const created: FakeEventSource[] = []
    class FakeEventSource {
      readyState = 0
      closed = false
      readonly listeners = new Map<string, number>()
      constructor(
        readonly url: string,
        readonly init?: { withCredentials?: boolean },
      ) {
        created.push(this)
      }
      addEventListener(type: string) {
        this.listeners.set(type, (this.listeners.get(type) ?? 0) + 1)
      }
      removeEventListener(type: string) {
        this.listeners.set(type, (this.listeners.get(type) ?? 0) - 1)
      }
      close() {
        this.closed = true
      }
    }
    const types = new Subject<string>()
    const subscription = eventSourceTransport({ EventSource: FakeEventSource })
      .connect({
        url: 'https://api.test/s',
        method: 'GET',
        headers: {},
        body: undefined,
        credentials: 'include',
        lastEventId: '42',
        eventTypes: types,
      })
      .subscribe()
    types.next('tick')
    types.next('tick')
    const [source] = created
    expect(source?.url).toBe('https://api.test/s?lastEventId=42')
    expect(source?.init).toEqual({ withCredentials: true })
    expect(Object.fromEntries(source?.listeners ?? [])).toEqual({
      message: 1,
      open: 1,
      error: 1,
      tick: 1,
    })
    subscription.unsubscribe()
    expect(source?.closed).toBe(true)
    expect(Object.fromEntries(source?.listeners ?? [])).toEqual({
      message: 0,
      open: 0,
      error: 0,
      tick: 0,
    })
    expect(types.observed).toBe(false)
  })
})

/** An EventSource that dispatches what the test tells it to, synchronously, as a polyfill does. */
class DispatchingEventSource extends EventTarget {
  static created: DispatchingEventSource[] = []
  readyState = 1
  constructor(readonly url: string) {
    super()
    DispatchingEventSource.created.push(this)
  }
  emit(type: string, data: string, lastEventId = '') {
    this.dispatchEvent(new MessageEvent(type, { data, lastEventId }))
  }
  close() {
    this.readyState = 2
  }
}

const request: TransportRequest = {
  url: 'https://api.test/s',
  method: 'GET',
  headers: {},
  body: undefined,
  credentials: undefined,
  lastEventId: '',
}

function connectTo(EventSource: EventSourceConstructor) {
  DispatchingEventSource.created = []
  const messages: TransportMessage[] = []
  const subscription = eventSourceTransport({ EventSource })
    .connect(request)
    .subscribe((message) => messages.push(message))
  const source = DispatchingEventSource.created[0] as DispatchingEventSource
  return { messages, subscription, source }
}

const summary = (messages: TransportMessage[]) =>
  messages.map((m) =>
    m.type === 'events' ? m.events.map((e) => `${e.data}@${e.lastEventId}`).join(',') : m.type,
  )

describe('eventSourceTransport batching what a polyfill dispatches in one go', () => {
  it('sends the events dispatched in one task as one message, then what came after them', async () => {
    const { messages, source } = connectTo(DispatchingEventSource)
    source.emit('message', 'a', '1')
    source.emit('message', 'b')
    source.dispatchEvent(new Event('error'))
    source.emit('message', 'c', '3')
    expect(messages).toEqual([
      {
        type: 'events',
        events: [
          { type: 'message', data: 'a', lastEventId: '1', id: '1' },
          { type: 'message', data: 'b', lastEventId: '1', id: undefined },
        ],
      },
      expect.objectContaining({ type: 'reconnecting' }),
    ])
    await Promise.resolve()
    expect(summary(messages)).toEqual(['a@1,b@1', 'reconnecting', 'c@3'])
  })

  it('sends a long run of events in messages of at most 256, in order', async () => {
    const { messages, source } = connectTo(DispatchingEventSource)
    for (let i = 0; i < 600; i++) source.emit('message', String(i))
    await Promise.resolve()
    const sizes = messages.map((m) => (m.type === 'events' ? m.events.length : m.type))
    expect(sizes).toEqual([256, 256, 88])
    const data = messages.flatMap((m) => (m.type === 'events' ? m.events.map((e) => e.data) : []))
    expect(data).toEqual(Array.from({ length: 600 }, (_, i) => String(i)))
  })

  it('sends nothing collected once unsubscribed', async () => {
    const { messages, source, subscription } = connectTo(DispatchingEventSource)
    source.emit('message', 'a')
    subscription.unsubscribe()
    await Promise.resolve()
    expect(messages).toEqual([])
  })

  it("sends each event at once from the browser's own EventSource, which dispatches one a task", () => {
    vi.stubGlobal('EventSource', DispatchingEventSource)
    vi.stubGlobal('document', {})
    try {
      const { messages, source } = connectTo(DispatchingEventSource)
      source.emit('message', 'a', '1')
      expect(messages).toEqual([
        { type: 'event', event: { type: 'message', data: 'a', lastEventId: '1', id: '1' } },
      ])
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('withLastEventId', () => {
  it('adds the id as a query parameter, before any fragment', () => {
    expect(withLastEventId('http://h/s', '', 'lastEventId')).toBe('http://h/s')
    expect(withLastEventId('http://h/s', '7', 'lastEventId')).toBe('http://h/s?lastEventId=7')
    expect(withLastEventId('http://h/s?a=1#f', 'x y', 'since')).toBe('http://h/s?a=1&since=x%20y#f')
    expect(withLastEventId('http://h/s', '7', null)).toBe('http://h/s')
  })
})
