import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Observable } from 'rxjs'
import type { ConnectionError, HttpError, StreamError } from '../errors'
import type { ServerSentEvent } from '../parse'
import type { RetryPolicy } from '../retry'
import type {
  Credentials,
  FetchTransportOptions,
  HeadersInput,
  RequestBody,
  Transport,
} from '../transport'

/** A value, or a function (sync or async) called before every connection attempt. */
export type MaybeAsync<T> = T | (() => T | Promise<T>)

/** The event types a stream carries and their decoded payloads: `{ stockUpdate: StockPrice }`. */
export type EventMap = object

/** The event type names of a map (string keys only). */
export type EventType<Events extends EventMap> = keyof Events & string

/** One decoded event: a union over the map, so `switch (event.type)` narrows `data`. */
export type StreamEvent<Events extends EventMap> = {
  [K in EventType<Events>]: {
    readonly type: K
    readonly data: Events[K]
    /** The `id:` of this very event, if it carried one. */
    readonly id: string | undefined
    /** The stream's last event ID when this event arrived. */
    readonly lastEventId: string
    /** The undecoded `data:` text. */
    readonly raw: string
  }
}[EventType<Events>]

/** Turns an event's `data:` text into its payload. Throwing reports a `decode` error. */
export type Decoder<T = unknown> = (data: string, event: ServerSentEvent) => T

/** Why a stream closed. */
export type CloseReason =
  /** `close()` was called. */
  | 'closed'
  /** The `signal` option aborted. */
  | 'aborted'
  /** The server answered 204 No Content: spec says stop reconnecting. */
  | 'no-content'
  /** A finite stream (see `live`) ended cleanly, or reconnecting it would re-send a request. */
  | 'ended'
  /** A fatal error, or `gave-up` after `maxAttempts`; see `error`. */
  | 'error'

export type StreamStatus =
  /** No subscriber: nothing is connected. */
  | { readonly state: 'idle' }
  /** A connection attempt is under way; `attempt` 0 is the first, then as in `reconnecting`. */
  | { readonly state: 'connecting'; readonly attempt: number }
  | { readonly state: 'open' }
  /**
   * Waiting `delay` ms before reconnection attempt `attempt`, after `error` (or after a clean
   * end, for a live stream). `delay` and `retryAt` are `undefined` when native `EventSource`
   * schedules the attempt itself.
   */
  | {
      readonly state: 'reconnecting'
      readonly attempt: number
      readonly delay: number | undefined
      /** When the attempt is due, in ms since the epoch (`Date.now()`): for a countdown. */
      readonly retryAt: number | undefined
      readonly error: ConnectionError | undefined
      /**
       * Whether the attempt resumes: it sends a last event ID, so the server can replay what was
       * missed. `false` when no event so far carried an `id:` — for a live stream whose server sends
       * no ids (e.g. ASP.NET's `ServerSentEvents` given `eventType` and `SseItem`s), the reconnected
       * stream starts from "now", and whatever was sent in between is lost.
       */
      readonly resumable: boolean
    }
  /**
   * Not connected on purpose, with subscribers waiting: the page is hidden (`pauseWhenHidden`) or
   * the browser is offline (`pauseWhenOffline`). It connects again, resuming with the last event
   * ID, when the page is shown or the browser is back online.
   */
  | { readonly state: 'paused'; readonly reason: PauseReason }
  /** Terminal until `restart()`: the stream will not connect again. */
  | {
      readonly state: 'closed'
      readonly reason: CloseReason
      readonly error: StreamError | undefined
    }

export type StreamState = StreamStatus['state']

/** Why a stream is paused. */
export type PauseReason = 'hidden' | 'offline'

/** A Standard Schema (zod, valibot, arktype, …) for each event type: `{ stockUpdate: StockQuote }`. */
export type SchemaMap = { readonly [type: string]: StandardSchemaV1 | undefined }

/** No schemas given: the event map is the type argument (or the default). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "nothing given", on purpose
export type NoSchemas = {}

/** The event map a schema map describes: each type's payload is its schema's output. */
export type EventsOf<Schemas extends SchemaMap> = {
  -readonly [K in keyof Schemas]: StandardSchemaV1.InferOutput<NonNullable<Schemas[K]>>
}

/**
 * Where a stream keeps its last event ID between page loads: `'session'` (sessionStorage),
 * `'local'` (localStorage), or any object with `getItem` and `setItem` (e.g. an adapter over
 * IndexedDB or cookies, or an in-memory map in tests).
 */
export type LastEventIdStorage =
  | 'session'
  | 'local'
  | {
      getItem(key: string): string | null
      setItem(key: string, value: string): void
    }

export interface EventStreamOptions<
  Events extends EventMap = Record<string, unknown>,
> extends FetchTransportOptions {
  /** HTTP method (fetch transport). Default `GET`. */
  readonly method?: string
  /** Request headers, or a function returning them (e.g. with a fresh token) per attempt. */
  readonly headers?: MaybeAsync<HeadersInput | undefined>
  /** Request body, or a function returning it per attempt. */
  readonly body?: MaybeAsync<RequestBody | undefined>
  /** fetch `credentials`; `include` also sets `withCredentials` on EventSource. */
  readonly credentials?: Credentials
  /** Aborting it closes the stream (reason `aborted`); an aborted signal never connects. */
  readonly signal?: AbortSignal
  /** The last event ID to start from, e.g. one kept in storage. Default `""`. */
  readonly lastEventId?: string

  /**
   * How events are carried. Default: fetch streaming (`fetchTransport`), given the options of
   * `fetchTransport` (`fetch`, `maxLineLength`, `maxEventLength`, `errorBodyTimeout`). For native
   * `EventSource`, pass `eventSourceTransport()`; or any `Transport` of your own.
   */
  readonly transport?: 'fetch' | Transport
  /** EventSource only: event types to listen for besides those passed to `on()`. */
  readonly eventTypes?: readonly string[]
  /**
   * Drop the connection when nothing arrives for this many ms, and reconnect (resuming with the
   * last event ID) under the retry policy, reporting a `timeout` error. Catches half-open
   * connections that would otherwise stay `open` forever. Set it above the server's heartbeat
   * interval. Any bytes count on the fetch transport (comments too); on `EventSource` only events
   * are visible, so heartbeats do not count there. Default: off, since a stream may be silent.
   */
  readonly idleTimeout?: number

  /** Reconnection policy (partial: the rest from `defaultRetryPolicy`), or `false` for none. */
  readonly retry?: Partial<RetryPolicy> | false
  /**
   * Whether a clean end of the response is followed by a reconnection, as for a live feed.
   * Default: `true` for GET, `false` otherwise (a POST's answer is usually finite).
   */
  readonly live?: boolean
  /**
   * Whether sending the request again is harmless. Default: `true` for GET and HEAD. A request
   * that is not is re-sent after a failure only when nothing is lost or duplicated: no event had
   * arrived yet, or the last one carried an `id:` the server can resume from.
   */
  readonly idempotent?: boolean
  /** Opt in to re-sending a non-idempotent request anyway (you handle duplicates). */
  readonly resendNonIdempotent?: boolean
  /**
   * Called on a 401 (once per failure streak): refresh credentials, then the stream reconnects
   * at once, calling `headers`/`url`/`body` again. Return `false` to give up.
   */
  readonly onUnauthorized?: UnauthorizedHandler

  /** One decoder for all events, or one per event type. Default `JSON.parse`. */
  readonly decode?: Decoder | { readonly [K in EventType<Events>]?: Decoder<Events[K]> }
  /** What a `decode` or `validation` error does: `skip` the event (default) or `close` the stream. */
  readonly onDecodeError?: 'skip' | 'close'
  /**
   * A Standard Schema per event type, checked against the decoded payload (sync or async; events
   * keep their order). A payload that fails reports a `validation` error with the issues, and
   * `onDecodeError` says what happens next. The payload delivered is the schema's output. Given
   * without a type argument, the event map is inferred from the schemas.
   */
  readonly schemas?: { readonly [K in EventType<Events>]?: StandardSchemaV1<unknown, Events[K]> }

  /**
   * Keep the last event ID across page loads (and across streams made again, e.g. on remount),
   * so a new stream resumes where the last one stopped: `persist: inStorage('session')`. Read when
   * the stream is created, where it wins over `lastEventId`. Off by default.
   */
  readonly persist?: Persistence
  /**
   * Drop an event whose `id:` was delivered before (the last `dedupe` ids are remembered; `true`
   * means 1000), so a replaying server, a failover or a tab taking over cannot deliver an event
   * twice. Events without an id always pass. Off by default.
   */
  readonly dedupe?: boolean | number

  /**
   * What the stream does as the page is hidden, goes offline or comes back from the back/forward
   * cache: `lifecycle: pageLifecycle({ pauseWhenHidden: true, pauseWhenOffline: true,
   * reconnectOnResume: true })`. Off by default.
   */
  readonly lifecycle?: Lifecycle

  /**
   * Share one connection among every tab of this origin: `share: acrossTabs()`. One tab, elected
   * with Web Locks (BroadcastChannel where those are missing), connects and passes each raw
   * event, status and error on to the others over BroadcastChannel; each tab decodes, validates
   * and de-duplicates for itself. When that tab closes, pauses, goes idle or is frozen, another
   * takes over, resuming with the last event ID. Only tabs whose stream has subscribers take part,
   * and tabs must agree on the rest of the options: the leader's are the ones used to connect.
   * Off by default; a plain connection outside browsers.
   */
  readonly share?: Sharing

  /**
   * How long the connection outlives its last subscriber, in ms, so an unsubscribe followed by
   * a subscribe (a React remount) keeps it. Default 0.
   */
  readonly keepAlive?: number
}

export interface LifecycleControls {
  /** Disconnects, keeping subscribers: status `paused`. */
  pause(reason: PauseReason): void
  /** Connects again after a pause (and makes an attempt now while waiting to reconnect). */
  resume(reason: PauseReason): void
  /** Drops the connection and resumes with the last event ID. */
  reconnect(): void
}

/**
 * What the `lifecycle` option takes: something that watches the environment while the stream has
 * subscribers and steers it through `controls` (`pageLifecycle()` for browsers; an app can write
 * its own, e.g. over React Native's `AppState`).
 */
export interface Lifecycle {
  /** Make no attempt while `navigator.onLine` is false: pause with reason `offline` instead. */
  readonly pauseWhenOffline?: boolean
  /** Starts watching; returns the function that stops. */
  watch(controls: LifecycleControls): () => void
}

/** A stream's kept last event ID, as the stream drives it. */
export interface Persisted {
  /** The ID kept from before, if any. */
  readonly stored: string | undefined
  /** The stream has subscribers: keep writing. */
  start(): void
  /** The stream rests or closes: write the last ID now and stop. */
  stop(): void
}

/**
 * What the `persist` option takes (made by `inStorage()`): opens the keeping of one stream's last
 * event ID, `read` giving the current one.
 */
export type Persistence = (url: StreamUrl, read: () => string) => Persisted

/** What the `share` option takes: made by `acrossTabs()`. */
export interface Sharing {
  /** Returns how the stream at `url` connects (internal: a connection factory). */
  readonly connector: (url: StreamUrl) => unknown
}

/** Refreshes credentials after a 401; returning (or resolving) `false` gives up. */
export type UnauthorizedHandler = (error: HttpError) => unknown

/** The stream's URL, or a function (sync or async) returning it per attempt. */
export type StreamUrl = MaybeAsync<string | URL>

/**
 * What every stream has, whatever its events: the type for code that takes any stream (a status
 * badge, a retry button). Every `EventStream<…>` is assignable to it.
 */
export interface AnyEventStream {
  /**
   * The connection state: emits the current status at once, then every change. Never connects,
   * never completes (a closed stream can be restarted).
   */
  readonly status$: Observable<StreamStatus>
  /** The current status, synchronously. */
  readonly status: StreamStatus
  /** Every error, as it happens. Never connects, never completes. */
  readonly errors$: Observable<StreamError>
  /** The last event ID received (or given), resent as `Last-Event-ID` on reconnection. */
  readonly lastEventId: string
  /**
   * Closes the stream: aborts the connection and completes every subscriber of `events$` and
   * `on()`. It stays closed until `restart()`.
   */
  close(): void
  /**
   * After the stream closed (by `close()`, a fatal error, `gave-up`): makes it `idle` again, with
   * a fresh backoff and the same last event ID, ready for new subscribers, which connect as
   * before. Does nothing to a stream that is not closed.
   */
  restart(): void
  /**
   * Reconnects now: skips the wait while `reconnecting`, or drops the current connection and
   * resumes with the last event ID. On a closed stream, the same as `restart()`; on an idle one,
   * nothing.
   */
  reconnect(): void
}

export interface EventStream<
  Events extends EventMap = Record<string, unknown>,
> extends AnyEventStream {
  /** Every event, decoded. Subscribing connects (shared by all subscribers). */
  readonly events$: Observable<StreamEvent<Events>>
  /** The payloads of one event type. Subscribing connects (shared by all subscribers). */
  on<K extends EventType<Events>>(type: K): Observable<Events[K]>
  /**
   * The latest payload of an event type, or `undefined` before the first. Kept for every type
   * subscribed to with `on()` (also after unsubscribing) and for the 64 newest other types, so a
   * server sending ever new types cannot make the stream hold their payloads without bound.
   */
  latest<K extends EventType<Events>>(type: K): Events[K] | undefined
}
