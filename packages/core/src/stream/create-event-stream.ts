import { Observable, Subject } from 'rxjs'
import type { StreamError } from '../errors'
import { decodeError } from '../errors'
import type { ServerSentEvent } from '../parse'
import { resolveRetryPolicy } from '../retry'
import { connection } from './connection'
import type { Connection } from './connection'
import { decoderFor } from './decode'
import { createHub } from './hub'
import { isIdempotentMethod, requestFactory } from './request'
import { selectTransport } from './select-transport'
import { streamState } from './state'
import type {
  CloseReason,
  EventMap,
  EventStream,
  EventStreamOptions,
  EventType,
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
 */
export function createEventStream<Events extends EventMap = Record<string, unknown>>(
  url: StreamUrl,
  options: EventStreamOptions<Events> = {},
): EventStream<Events> {
  const { signal, keepAlive } = options
  const state = streamState(options.lastEventId ?? '')
  const decode = decoderFor(options.decode)
  const method = (options.method ?? 'GET').toUpperCase()

  // Native EventSource only dispatches the types it listens for: those of `on()` and the option.
  const eventTypes = new Set(options.eventTypes)
  const typeAdded = new Subject<string>()
  const listenTypes: Observable<string> = new Observable<string>((subscriber) => {
    for (const type of eventTypes) subscriber.next(type)
    return typeAdded.subscribe(subscriber)
  })

  let running: Connection | undefined
  let linger: ReturnType<typeof setTimeout> | undefined

  const deliver = (event: ServerSentEvent) => {
    let data: unknown
    try {
      data = decode(event.data, event)
    } catch (cause) {
      // The event did arrive: its id moves the stream on, so a reconnection does not replay it.
      state.movedTo(event.lastEventId)
      const error = decodeError(event, cause)
      state.reported(error)
      if (options.onDecodeError === 'close') close('error', error)
      return
    }
    state.received(event.type, data, event.lastEventId)
    const all = hub.listeners(undefined)
    if (all !== undefined && all.length > 0) {
      const typed = {
        type: event.type,
        data,
        id: event.id,
        lastEventId: event.lastEventId,
        raw: event.data,
      } as StreamEvent<Events>
      for (const subscriber of all) subscriber.next(typed)
    }
    const own = hub.listeners(event.type)
    if (own !== undefined) for (const subscriber of own) subscriber.next(data)
  }

  const policy = options.retry === false ? null : resolveRetryPolicy(options.retry)
  const config = {
    transport: () => selectTransport(options, listenTypes),
    request: requestFactory(url, options, method),
    policy,
    live: options.live ?? method === 'GET',
    idempotent: options.idempotent ?? isIdempotentMethod(method),
    resendNonIdempotent: options.resendNonIdempotent ?? false,
    canRefresh: options.onUnauthorized !== undefined,
    onUnauthorized: options.onUnauthorized,
    idleTimeout: options.idleTimeout,
    state,
    deliver,
    finish: (reason: CloseReason, error?: StreamError) => close(reason, error),
  }

  const release = () => {
    clearTimeout(linger)
    linger = undefined
    running?.stop()
    running = undefined
  }

  const hub = createHub(
    () => {
      clearTimeout(linger)
      linger = undefined
      if (running) return
      running = connection(config)
      running.retryNow()
    },
    () => {
      const idle = () => {
        release()
        if (!state.closed) state.idle()
      }
      if (keepAlive) linger = setTimeout(idle, keepAlive)
      else idle()
    },
    () => state.closed,
  )

  const onAbort = () => close('aborted')
  const listen = () => {
    if (signal?.aborted) state.close('aborted')
    else signal?.addEventListener('abort', onAbort, { once: true })
  }

  function close(reason: CloseReason, error?: StreamError): void {
    if (state.closed) return
    release()
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
    latest: <K extends EventType<Events>>(type: K) => state.latest(type) as Events[K] | undefined,
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
