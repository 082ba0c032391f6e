import {
  BehaviorSubject,
  concat,
  defer,
  EMPTY,
  filter,
  from,
  map,
  share,
  Subject,
  takeUntil,
  takeWhile,
  timer,
} from 'rxjs'
import type { Observable } from 'rxjs'
import type { StreamError } from '../errors'
import { resolveRetryPolicy } from '../retry'
import { connection } from './connection'
import type { CloseRequest } from './connection'
import { isIdempotentMethod, requestFactory } from './request'
import { eventDecoder, isDecodeError } from './routing'
import { selectTransport } from './select-transport'
import type {
  EventMap,
  EventStream,
  EventStreamOptions,
  EventType,
  StreamEvent,
  StreamStatus,
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
  const status = new BehaviorSubject<StreamStatus>({ state: 'idle' })
  const errors = new Subject<StreamError>()
  // Aborted by close() and by a decode error under `onDecodeError: 'close'`.
  const closer = new AbortController()
  const closed$ = status.pipe(filter((s) => s.state === 'closed'))
  const latest = new Map<string, unknown>()
  let lastEventId = options.lastEventId ?? ''
  let terminated = false

  // Native EventSource only dispatches the types it listens for: those of `on()` and the option.
  const eventTypes = new Set(options.eventTypes)
  const typeAdded = new Subject<string>()
  const eventTypes$ = defer(() => concat(from([...eventTypes]), typeAdded))

  const method = options.method ?? 'GET'
  const decode = eventDecoder<Events>(options.decode)

  const events$: Observable<StreamEvent<Events>> = defer(() =>
    terminated
      ? EMPTY
      : connection({
          transport: () => selectTransport(options, eventTypes$),
          request: requestFactory(url, options),
          policy: options.retry === false ? null : resolveRetryPolicy(options.retry),
          live: options.live ?? method.toUpperCase() === 'GET',
          idempotent: options.idempotent ?? isIdempotentMethod(method),
          resendNonIdempotent: options.resendNonIdempotent ?? false,
          onUnauthorized: options.onUnauthorized,
          signal: options.signal,
          close: closer.signal,
          lastEventId: () => lastEventId,
          setLastEventId: (id) => {
            lastEventId = id
          },
          setStatus: (next) => {
            if (next.state === 'closed') terminated = true
            status.next(next)
          },
          reportError: (error) => errors.next(error),
        }),
  ).pipe(
    map(decode),
    filter((event): event is StreamEvent<Events> => {
      if (!isDecodeError(event)) return true
      errors.next(event)
      if (options.onDecodeError === 'close') closer.abort({ reason: 'error', error: event })
      return false
    }),
    map((event) => {
      latest.set(event.type, event.data)
      return event
    }),
    share({
      resetOnRefCountZero: options.keepAlive ? () => timer(options.keepAlive ?? 0) : true,
    }),
  )

  // A connection hears the signal itself; an idle stream (no subscriber) closes here, so its
  // status says `aborted` at once.
  const abortIdle = () => {
    if (terminated || status.value.state !== 'idle') return
    terminated = true
    status.next({ state: 'closed', reason: 'aborted', error: undefined })
  }
  if (options.signal?.aborted) abortIdle()
  else options.signal?.addEventListener('abort', abortIdle, { once: true })

  return {
    events$,
    on<K extends EventType<Events>>(type: K): Observable<Events[K]> {
      if (!eventTypes.has(type)) {
        eventTypes.add(type)
        typeAdded.next(type)
      }
      return events$.pipe(
        filter((event) => event.type === type),
        map((event) => event.data as Events[K]),
      )
    },
    latest: <K extends EventType<Events>>(type: K) => latest.get(type) as Events[K] | undefined,
    // Emits the current status at once; completes after `closed`.
    status$: defer(() => status.pipe(takeWhile((s) => s.state !== 'closed', true))),
    get status() {
      return status.value
    },
    errors$: defer(() => (terminated ? EMPTY : errors.pipe(takeUntil(closed$)))),
    get lastEventId() {
      return lastEventId
    },
    close() {
      if (terminated) return
      const request: CloseRequest = { reason: 'closed' }
      // A live connection hears this and closes itself (status and all).
      closer.abort(request)
      if (!terminated) {
        terminated = true
        status.next({ state: 'closed', reason: 'closed', error: undefined })
      }
    },
  }
}
