import { Observable, Subject } from 'rxjs'
import type { StreamError } from '../errors'
import { resolveRetryPolicy } from '../retry'
import { fetchTransport } from '../transport/fetch-transport'
import { connection } from './connection'
import type { Connection, ConnectionConfig } from './connection'
import { delivery } from './delivery'
import { createHub } from './hub'
import { isIdempotentMethod, requestFactory } from './request'
import { streamState } from './state'
import type {
  CloseReason,
  EventMap,
  EventsOf,
  EventStream,
  EventStreamOptions,
  EventType,
  NoSchemas,
  PauseReason,
  SchemaMap,
  StreamEvent,
  StreamUrl,
} from './types'

/**
 * A typed, shared, reconnecting Server-Sent Events stream.
 *
 * ```ts
 * const stocks = createEventStream<{ stockUpdate: StockPrice }>('/stocks')
 * stocks.on('stockUpdate').subscribe((price) => render(price))
 * ```
 *
 * Lazy: nothing connects until `events$` or `on()` has a subscriber; all subscribers share one
 * connection, which closes when the last one leaves (after `keepAlive` ms).
 *
 * With `schemas` and no type argument, the event map is inferred from the schemas:
 * `createEventStream('/stocks', { schemas: { stockUpdate: StockQuote } })`.
 */
export function createEventStream<
  Events extends EventMap = Record<string, unknown>,
  const Schemas extends SchemaMap = NoSchemas,
>(
  url: StreamUrl,
  options?: EventStreamOptions<Events> & { readonly schemas?: Schemas },
): EventStream<NoSchemas extends Schemas ? Events : EventsOf<Schemas>>
export function createEventStream<Events extends EventMap>(
  url: StreamUrl,
  options: EventStreamOptions<Events> = {},
): EventStream<Events> {
  const { signal, keepAlive } = options
  const persisted = options.persist?.(url, () => state.lastEventId)
  const state = streamState(persisted?.stored ?? options.lastEventId ?? '')
  const method = (options.method ?? 'GET').toUpperCase()

  // Native EventSource only dispatches the types it listens for: those of `on()` and the option.
  const eventTypes = new Set(options.eventTypes)
  const typeAdded = new Subject<string>()
  const listenTypes = new Observable<string>((subscriber) => {
    for (const type of eventTypes) subscriber.next(type)
    return typeAdded.subscribe(subscriber)
  })

  let running: Connection | undefined
  let linger: ReturnType<typeof setTimeout> | undefined
  let unwatchPage: (() => void) | undefined

  const connect = (options.share?.connector(url) ?? connection) as (
    config: ConnectionConfig,
  ) => Connection
  const policy = options.retry === false ? null : resolveRetryPolicy(options.retry)
  const { transport } = options
  const start = () => {
    running = connect(config)
    running.retryNow()
  }
  const release = () => {
    running?.stop()
    running = undefined
  }
  /** The last subscriber left (or the stream closed): nothing runs any more. */
  const rest = () => {
    clearTimeout(linger)
    linger = undefined
    release()
    unwatchPage?.()
    unwatchPage = undefined
    persisted?.stop()
  }
  const paused = () => state.status.state === 'paused'

  const hub = createHub(
    () => {
      clearTimeout(linger)
      linger = undefined
      if (unwatchPage === undefined) {
        persisted?.start()
        unwatchPage =
          options.lifecycle?.watch({
            pause,
            resume,
            reconnect: () => running?.retryNow(),
          }) ?? (() => {})
      }
      if (!running && !paused()) start()
    },
    () => {
      const idle = () => {
        rest()
        if (!state.closed) state.idle()
      }
      if (keepAlive) linger = setTimeout(idle, keepAlive)
      else idle()
    },
    () => state.closed,
  )
  const deliver = delivery(options, state, hub, (error) => close('error', error))

  const config = {
    // Made per attempt (never at import or creation, so SSR and workers are safe).
    transport: () => (typeof transport === 'object' ? transport : fetchTransport(options)),
    request: requestFactory(url, options, method, listenTypes),
    policy,
    live: options.live ?? method === 'GET',
    idempotent: options.idempotent ?? isIdempotentMethod(method),
    resendNonIdempotent: options.resendNonIdempotent ?? false,
    canRefresh: options.onUnauthorized !== undefined,
    onUnauthorized: options.onUnauthorized,
    idleTimeout: options.idleTimeout,
    holdWhileOffline: options.lifecycle?.pauseWhenOffline,
    state,
    deliver,
    finish: close,
  }

  function pause(reason: PauseReason): void {
    if (state.closed || paused()) return
    release()
    state.paused(reason)
  }

  function resume(reason: PauseReason): void {
    const status = state.status
    if (status.state === 'paused' && status.reason === reason) {
      if (running) running.retryNow()
      else start()
    } else if (status.state === 'reconnecting' && reason === 'offline') running?.retryNow()
  }

  const onAbort = () => close('aborted')
  const listen = () => {
    if (signal?.aborted) state.close('aborted')
    else signal?.addEventListener('abort', onAbort, { once: true })
  }

  function close(reason: CloseReason, error?: StreamError): void {
    if (state.closed) return
    rest()
    signal?.removeEventListener('abort', onAbort)
    state.close(reason, error)
    hub.complete()
  }

  function restart(): void {
    if (!state.closed) return
    state.idle()
    listen()
  }

  listen()

  return {
    events$: hub.observe<StreamEvent<Events>>(undefined),
    on<K extends EventType<Events>>(type: K): Observable<Events[K]> {
      if (!eventTypes.has(type)) {
        eventTypes.add(type)
        typeAdded.next(type)
      }
      return hub.observe<Events[K]>(type)
    },
    latest: <K extends EventType<Events>>(type: K) => hub.latest(type) as Events[K] | undefined,
    status$: state.status$,
    get status() {
      return state.status
    },
    errors$: state.errors$,
    get lastEventId() {
      return state.lastEventId
    },
    close: () => close('closed'),
    restart,
    reconnect() {
      if (state.closed) restart()
      else running?.retryNow()
    },
  }
}
