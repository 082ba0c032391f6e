import type { Observable } from 'rxjs'
import type { ConnectionError } from '../errors'
import type { ServerSentEvent } from '../parse'

/** Request headers in any shape `Headers` takes; declared without the DOM lib, so Node types work. */
export type HeadersInput = ConstructorParameters<typeof Headers>[0]
/** A request body, as `fetch` takes it. */
export type RequestBody = RequestInit['body']
/** fetch's `credentials` mode. */
export type Credentials = RequestInit['credentials']

/** One connection attempt, fully resolved: the stream calls its request factory before each. */
export interface TransportRequest {
  readonly url: string
  readonly method: string
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: RequestBody | undefined
  readonly credentials: Credentials | undefined
  /** The last event ID to resume from; `""` for none. */
  readonly lastEventId: string
  /**
   * The event types subscribers asked for (`on(type)` and the `eventTypes` option), each emitted
   * once, also while connected: for a transport that must be told which types to listen for
   * (native `EventSource` dispatches no others).
   */
  readonly eventTypes?: Observable<string>
}

/**
 * What a transport reports while connected. A transport Observable errors with a
 * `ConnectionError` when the attempt fails and completes when the stream ends cleanly (EOF);
 * unsubscribing aborts the attempt and releases everything it holds.
 */
export type TransportMessage =
  /** The response was accepted: a 200 `text/event-stream`. */
  | { readonly type: 'open' }
  | { readonly type: 'event'; readonly event: ServerSentEvent }
  /**
   * Several events in a row, in order: what one chunk of the body held. Both transports send
   * these (`eventSourceTransport` for an `EventSource` other than the browser's), one message a
   * chunk rather than one an event (the stream layer's cost per event is the benchmark's concern:
   * bench/README.md).
   */
  | { readonly type: 'events'; readonly events: readonly ServerSentEvent[] }
  /** spec: a `retry:` field set the reconnection time. */
  | { readonly type: 'retry'; readonly delay: number }
  | { readonly type: 'comment'; readonly text: string }
  /** A block set the last event ID without dispatching an event (an `id:`-only block). */
  | { readonly type: 'last-event-id'; readonly lastEventId: string }
  /** Bytes arrived (any: part of a line, a comment): what the idle watchdog listens for. */
  | { readonly type: 'activity' }
  /** The server answered 204: spec says stop reconnecting. The Observable completes next. */
  | { readonly type: 'no-content' }
  /**
   * The transport lost its connection and reconnects by itself (native `EventSource` does). The
   * stream may instead end the attempt and reconnect under its own policy.
   */
  | { readonly type: 'reconnecting'; readonly error: ConnectionError }

/** One way of carrying an event stream. Both transports are cold: teardown closes the resource. */
export interface Transport {
  readonly name: string
  connect(request: TransportRequest): Observable<TransportMessage>
}
