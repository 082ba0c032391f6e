import { sse } from 'msw'
import type { HttpHandler, Path } from 'msw'
import type { EventMap, EventType } from '../stream'

/** One request a `sseHandler` answered; the test plays the server through it. */
export interface SseConnection<Events extends EventMap = Record<string, unknown>> {
  /** The request as fetch (or EventSource) sent it: URL, headers, credentials. */
  readonly request: Request
  /**
   * The last event ID the client resumes from: the `Last-Event-ID` header (its UTF-8 bytes
   * decoded), else a `lastEventId` query parameter (a new native `EventSource`), else `""`.
   */
  readonly lastEventId: string
  /** Whether the client went away, or the test ended or failed the response. */
  readonly closed: boolean
  /** Sends an event whose data is `payload` as JSON, with an `id:` if given. */
  send<K extends EventType<Events>>(
    type: K,
    payload: Events[K],
    options?: { readonly id?: string },
  ): void
  /** Sends an event whose data is exactly `data` (a payload that is not JSON, or a broken one). */
  sendRaw(event: { readonly type?: string; readonly data: string; readonly id?: string }): void
  /** A `retry:` field. */
  retry(milliseconds: number): void
  /** An `id:`-only block: moves the last event ID without an event. */
  id(id: string): void
  /** Drops the connection: the client sees a network error. */
  fail(): void
  /** Ends the response cleanly (EOF). */
  end(): void
}

/** A scripted event-stream endpoint for msw: the handler, and the connections it answered. */
export interface SseHandler<Events extends EventMap = Record<string, unknown>> {
  /** Pass it to `setupServer(...)`, `setupWorker(...)` or `server.use(...)`. */
  readonly handler: HttpHandler
  /** Every connection so far, oldest first. */
  readonly connections: readonly SseConnection<Events>[]
  /** The newest connection, if any. */
  readonly last: SseConnection<Events> | undefined
  /** Resolves with the next connection (or the newest, if it is still open). */
  connected(): Promise<SseConnection<Events>>
}

// spec: the header carries "the last event ID string, UTF-8 encoded"; fetch hands header values
// over as byte strings, one character per byte.
function readLastEventId(request: Request): string {
  const header = request.headers.get('last-event-id')
  if (header !== null) {
    const bytes = Uint8Array.from(header, (char) => char.charCodeAt(0) & 0xff)
    return new TextDecoder().decode(bytes)
  }
  return new URL(request.url).searchParams.get('lastEventId') ?? ''
}

/**
 * An msw `sse()` handler whose connections the test drives, as `fakeTransport` does one level
 * down: the stream runs its real fetch (or `EventSource`) transport, parser and headers. msw
 * answers GET requests that accept `text/event-stream`; for an HTTP error, add an `http.get`
 * handler that returns the status.
 *
 * ```ts
 * const stocks = sseHandler<StockEvents>('http://127.0.0.1/stocks')
 * const server = setupServer(stocks.handler)
 * server.listen()
 * const connection = await stocks.connected()
 * connection.send('stockUpdate', { symbol: 'MSFT', price: 420.5 }, { id: '1' })
 * ```
 *
 * `respond` runs for each new connection before the test sees it, e.g. to send a greeting.
 */
export function sseHandler<Events extends EventMap = Record<string, unknown>>(
  path: Path,
  respond?: (connection: SseConnection<Events>) => void,
): SseHandler<Events> {
  const connections: SseConnection<Events>[] = []
  let waiting: ((connection: SseConnection<Events>) => void)[] = []

  const handler = sse(path, ({ client, request }) => {
    let closed = false
    request.signal.addEventListener('abort', () => (closed = true), { once: true })
    // msw types `event` by an event map of its own; `send` below does that by ours instead.
    const message = (type: string | undefined, data: string | undefined, id?: string) =>
      client.send({ event: type, data, id } as Parameters<typeof client.send>[0])
    const connection: SseConnection<Events> = {
      request,
      lastEventId: readLastEventId(request),
      get closed() {
        return closed
      },
      send: (type, payload, options) => message(type, JSON.stringify(payload), options?.id),
      sendRaw: (raw) => message(raw.type ?? 'message', raw.data, raw.id),
      retry: (delay) => client.send({ retry: delay }),
      id: (id) => message(undefined, undefined, id),
      fail: () => {
        closed = true
        client.error()
      },
      end: () => {
        closed = true
        client.close()
      },
    }
    connections.push(connection)
    respond?.(connection)
    const resolvers = waiting
    waiting = []
    for (const resolve of resolvers) resolve(connection)
    // Returning at once: msw sends the response only after this resolver settles.
  })

  return {
    handler,
    connections,
    get last() {
      return connections.at(-1)
    },
    connected() {
      const newest = connections.at(-1)
      if (newest !== undefined && !newest.closed) return Promise.resolve(newest)
      return new Promise((resolve) => waiting.push(resolve))
    },
  }
}
