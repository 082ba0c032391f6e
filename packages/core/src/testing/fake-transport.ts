import { Observable } from 'rxjs'
import type { Subscriber } from 'rxjs'
import type { ConnectionError } from '../errors'
import { httpError, networkError } from '../errors'
import type { Transport, TransportMessage, TransportRequest } from '../transport'

/** An HTTP failure to script: the status, and what else the answer carried. */
export interface FakeHttpFailure {
  readonly status: number
  /** `Retry-After`, in ms. */
  readonly retryAfter?: number
  readonly body?: string
  readonly headers?: Readonly<Record<string, string>>
}

/** One connection the stream made through a `FakeTransport`; the test plays the server. */
export interface FakeConnection {
  /** What the stream asked for: URL, method, headers, body, last event ID. */
  readonly request: TransportRequest
  /** Whether the stream tore this connection down (closed, unsubscribed, superseded). */
  readonly closed: boolean
  /** Accepts the connection, as a 200 `text/event-stream` would. */
  open(): void
  /** Sends an event whose data is `payload` as JSON, with an `id:` if given. */
  send(type: string, payload: unknown, options?: { readonly id?: string }): void
  /** Sends an event whose data is exactly `data` (for payloads that are not JSON). */
  sendRaw(event: { readonly type?: string; readonly data: string; readonly id?: string }): void
  /** A comment line, such as a heartbeat. */
  comment(text?: string): void
  /** A `retry:` field. */
  retry(milliseconds: number): void
  /** An `id:`-only block: moves the last event ID without an event. */
  id(id: string): void
  /** Fails the connection: a network error by default, or an HTTP answer, or any error. */
  fail(error?: FakeHttpFailure | ConnectionError): void
  /** Ends the response cleanly (EOF). */
  end(): void
  /** Answers 204 No Content: the stream stops for good. */
  noContent(): void
  /** The raw channel, to send any `TransportMessage`. */
  readonly subscriber: Subscriber<TransportMessage>
}

/** A transport whose connections a test drives by hand; pass it as the `transport` option. */
export interface FakeTransport extends Transport {
  /** Every connection so far, oldest first. */
  readonly connections: readonly FakeConnection[]
  /** The newest connection, if any. */
  readonly last: FakeConnection | undefined
  /** Resolves with the next connection the stream makes (or the newest, if it is still open). */
  connected(): Promise<FakeConnection>
  /** Answers every new connection at once, before the test can (e.g. always failing). */
  autoRespond: ((connection: FakeConnection) => void) | undefined
}

/**
 * A scripted transport for tests: no network, no server, every byte chosen by the test.
 *
 * ```ts
 * const transport = fakeTransport()
 * const stocks = createEventStream<StockEvents>('/stocks', { transport })
 * stocks.on('stockUpdate').subscribe(render)
 * const server = await transport.connected()
 * server.open()
 * server.send('stockUpdate', { symbol: 'MSFT', price: 420.5 }, { id: '1' })
 * ```
 */
export function fakeTransport(): FakeTransport {
  const connections: FakeConnection[] = []
  let waiting: ((connection: FakeConnection) => void)[] = []

  const transport: FakeTransport = {
    name: 'fake',
    connections,
    get last() {
      return connections.at(-1)
    },
    autoRespond: undefined,
    connected() {
      const newest = connections.at(-1)
      if (newest !== undefined && !newest.closed) return Promise.resolve(newest)
      return new Promise((resolve) => waiting.push(resolve))
    },
    connect: (request) =>
      new Observable<TransportMessage>((subscriber) => {
        let torn = false
        let lastEventId = request.lastEventId
        const event = (type: string, data: string, id: string | undefined) => {
          if (id !== undefined) lastEventId = id
          subscriber.next({ type: 'event', event: { type, data, id, lastEventId } })
        }
        const connection: FakeConnection = {
          request,
          get closed() {
            return torn
          },
          subscriber,
          open: () => subscriber.next({ type: 'open' }),
          send: (type, payload, options) => event(type, JSON.stringify(payload), options?.id),
          sendRaw: (raw) => event(raw.type ?? 'message', raw.data, raw.id),
          comment: (text = '') => subscriber.next({ type: 'comment', text }),
          retry: (delay) => subscriber.next({ type: 'retry', delay }),
          id: (id) => {
            lastEventId = id
            subscriber.next({ type: 'last-event-id', lastEventId: id })
          },
          fail: (error) => subscriber.error(toError(error)),
          end: () => subscriber.complete(),
          noContent: () => {
            subscriber.next({ type: 'no-content' })
            subscriber.complete()
          },
        }
        connections.push(connection)
        const resolvers = waiting
        waiting = []
        for (const resolve of resolvers) resolve(connection)
        transport.autoRespond?.(connection)
        return () => {
          torn = true
        }
      }),
  }
  return transport
}

function toError(error: FakeHttpFailure | ConnectionError | undefined): ConnectionError {
  if (error === undefined) return networkError(new TypeError('fetch failed'))
  if ('kind' in error) return error
  return httpError({
    status: error.status,
    statusText: '',
    headers: error.headers ?? {},
    body: error.body ?? '',
    retryAfter: error.retryAfter,
  })
}
