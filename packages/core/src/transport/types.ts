import type { Observable } from 'rxjs'
import type { ConnectionError } from '../errors'
import type { ServerSentEvent } from '../parse'

/** One connection attempt, fully resolved: the stream calls its request factory before each. */
export interface TransportRequest {
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: BodyInit | null | undefined
  readonly credentials: RequestCredentials | undefined
  /** The last event ID to resume from; `""` for none. */
  readonly lastEventId: string
  /** Aborting it ends the connection as a completion, not an error. */
  readonly signal: AbortSignal | undefined
}

/**
 * What a transport reports while connected. A transport Observable errors with a
 * `ConnectionError` when the attempt fails, and completes when the stream ends cleanly (EOF) or is
 * aborted through the request's signal.
 */
export type TransportMessage =
  /** The response was accepted: a 200 `text/event-stream`. */
  | { readonly type: 'open' }
  | { readonly type: 'event'; readonly event: ServerSentEvent }
  /** spec: a `retry:` field set the reconnection time. */
  | { readonly type: 'retry'; readonly delay: number }
  | { readonly type: 'comment'; readonly text: string }
  /** The last event ID moved without an event (an `id:`-only block). */
  | { readonly type: 'last-event-id'; readonly lastEventId: string }
  /** The server answered 204: spec says stop reconnecting. The Observable completes next. */
  | { readonly type: 'no-content' }
  /** The transport lost its connection and reconnects by itself (native `EventSource` does). */
  | { readonly type: 'reconnecting'; readonly error: ConnectionError }

/** One way of carrying an event stream. Both transports are cold: teardown closes the resource. */
export interface Transport {
  readonly name: string
  connect(request: TransportRequest): Observable<TransportMessage>
}
