import { Observable } from 'rxjs'
import type { Subscription } from 'rxjs'
import { eventSourceError, networkError, requestError } from '../errors'
import { eventBatch } from './event-batch'
import { withLastEventId } from './last-event-id'
import type { Transport, TransportMessage } from './types'

/** The part of `EventSource` the transport uses: the DOM's and the `eventsource` package's. */
export interface EventSourceLike {
  readonly readyState: number
  close(): void
  addEventListener(type: string, listener: (event: Event) => void): void
  removeEventListener(type: string, listener: (event: Event) => void): void
}

export type EventSourceConstructor = new (
  url: string,
  init?: { withCredentials?: boolean },
) => EventSourceLike

export interface EventSourceTransportOptions {
  /** The `EventSource` constructor; default `globalThis.EventSource`, looked up when connecting. */
  readonly EventSource?: EventSourceConstructor
  /**
   * When this transport creates a new `EventSource` with a last event ID (the first attempt of a
   * stream given `lastEventId`, or a reconnection the stream took over), the ID goes in this query
   * parameter: only an `EventSource`'s own reconnection can send the `Last-Event-ID` header.
   * `null` disables it. Default `lastEventId`.
   */
  readonly lastEventIdParam?: string | null
}

// spec: readyState values.
const CLOSED = 2
const OPEN: TransportMessage = { type: 'open' }

/**
 * Streams events through `EventSource`, for the `transport` option: `transport:
 * eventSourceTransport()` (a separate import, so apps on the default fetch transport do not ship
 * it). It uses the platform's own connection, reconnection (with the `Last-Event-ID` header) and
 * per-event task dispatch. GET only, no custom headers; slower than fetch streaming in browsers,
 * since each event is a task (figures: bench/README.md).
 *
 * Its own reconnection is kept only where it resends the id faithfully: the browser's
 * `EventSource` sends the UTF-8 bytes the spec asks for, but the `eventsource` package throws on
 * an id outside Latin-1 and mis-encodes one outside ASCII. There, the attempt ends as a failure
 * and the stream reconnects with the id in the query (`lastEventIdParam`).
 */
export function eventSourceTransport(options: EventSourceTransportOptions = {}): Transport {
  return {
    name: 'eventsource',
    connect: (request) =>
      new Observable<TransportMessage>((subscriber) => {
        const Constructor =
          options.EventSource ??
          (globalThis as { EventSource?: EventSourceConstructor }).EventSource
        const refuse = (why: string) => subscriber.error(requestError(new Error(why)))
        if (!Constructor) return refuse('EventSource is not available')
        if (request.method.toUpperCase() !== 'GET' || request.body != null)
          return refuse('EventSource can only send a GET')
        // Silently dropping an authorization header would be worse than refusing.
        if (Object.keys(request.headers).length > 0)
          return refuse('EventSource cannot send headers')

        const param =
          options.lastEventIdParam === undefined ? 'lastEventId' : options.lastEventIdParam
        const source = new Constructor(withLastEventId(request.url, request.lastEventId, param), {
          withCredentials: request.credentials === 'include',
        })
        // The browser's own EventSource: it dispatches each event as a task of its own.
        const native =
          Constructor === (globalThis as { EventSource?: unknown }).EventSource &&
          typeof document !== 'undefined'
        let lastEventId = request.lastEventId
        const listening = new Map<string, (event: Event) => void>()
        // Anything else (the `eventsource` package, polyfills) dispatches a chunk's events in one
        // go: they are sent as one message when it is done, as the fetch transport does.
        const { add, flush, send } = eventBatch((message) => subscriber.next(message))

        const onMessage = (type: string, event: Event) => {
          const message = event as MessageEvent<string>
          const id = message.lastEventId
          // Browsers give the stream's last event ID (spec); the `eventsource` package gives this
          // block's `id:` or "". Either way a non-empty, changed value means the block had an
          // `id:`. (An explicit `id:` reset to "" in a browser is therefore not seen.)
          const changed = id !== '' && id !== lastEventId
          if (changed) lastEventId = id
          const received = { type, data: message.data, lastEventId, id: changed ? id : undefined }
          if (native) subscriber.next({ type: 'event', event: received })
          else if (add(received)) queueMicrotask(flush)
        }
        const listen = (type: string) => {
          if (listening.has(type)) return
          const listener = (event: Event) => onMessage(type, event)
          listening.set(type, listener)
          source.addEventListener(type, listener)
        }
        const onOpen = () => send(OPEN)
        const onError = (event: Event) => {
          // The `eventsource` package reports the HTTP status as `code`; browsers report nothing.
          const code = (event as { code?: unknown }).code
          const status = typeof code === 'number' ? code : undefined
          flush()
          if (source.readyState !== CLOSED) {
            const error = networkError(event)
            // spec: Last-Event-ID is the id's UTF-8 bytes; only ASCII survives every implementation.
            if (native || !/[^\0-\x7f]/.test(lastEventId))
              return send({ type: 'reconnecting', error })
            return subscriber.error(error)
          }
          if (status === 204) {
            send({ type: 'no-content' })
            return subscriber.complete()
          }
          subscriber.error(eventSourceError(status))
        }

        listen('message')
        source.addEventListener('open', onOpen)
        source.addEventListener('error', onError)
        const types: Subscription | undefined = request.eventTypes?.subscribe(listen)

        return () => {
          types?.unsubscribe()
          source.removeEventListener('open', onOpen)
          source.removeEventListener('error', onError)
          for (const [type, listener] of listening) source.removeEventListener(type, listener)
          source.close()
        }
      }),
  }
}
