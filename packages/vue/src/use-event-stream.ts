import { eventStreamStore } from '@rivulet/core'
import type {
  EventMap,
  EventStream,
  EventStreamOptions,
  EventType,
  StreamError,
  StreamStatus,
} from '@rivulet/core'
import { shallowRef } from 'vue'
import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import { watchEventStream } from './watch-event-stream'
import type { EventStreamSource } from './watch-event-stream'

/** What `useEventStream` returns: refs you read, and the stream writes. */
export interface UseEventStreamReturn<T> {
  /** The latest payload of the event type, or `undefined` before the first. */
  readonly data: Readonly<ShallowRef<T | undefined>>
  /** The connection status; `idle` until connected (and always during server rendering). */
  readonly status: Readonly<ShallowRef<StreamStatus>>
  /** The error behind a `reconnecting` or `closed` status, if any. */
  readonly error: Readonly<ShallowRef<StreamError | undefined>>
}

/**
 * The latest payload of one event type and the connection status, as refs. Connects while the
 * calling scope (a component, `effectScope`, a Pinia store) lives, sharing the stream's one
 * connection with every other reader.
 *
 * ```ts
 * const { data, status } = useEventStream(stocks, 'stockUpdate')
 * const { data: quote } = useEventStream<StockEvents>(() => `/stocks/${symbol.value}`, 'stockUpdate')
 * ```
 */
export function useEventStream<
  Events extends EventMap,
  K extends EventType<Events> = EventType<Events>,
>(stream: MaybeRefOrGetter<EventStream<Events>>, type: K): UseEventStreamReturn<Events[K]>
/**
 * With a URL (a string, `URL`, ref or getter), the composable creates the stream with `options`,
 * and closes it when the URL changes (opening a new one) or the scope is disposed.
 */
export function useEventStream<
  Events extends EventMap = Record<string, unknown>,
  K extends EventType<Events> = EventType<Events>,
>(
  url: MaybeRefOrGetter<string | URL>,
  type: K,
  options?: EventStreamOptions<Events>,
): UseEventStreamReturn<Events[K]>
export function useEventStream<Events extends EventMap, K extends EventType<Events>>(
  source: EventStreamSource<Events>,
  type: K,
  options?: EventStreamOptions<Events>,
): UseEventStreamReturn<Events[K]> {
  const data = shallowRef<Events[K]>()
  const status = shallowRef<StreamStatus>({ state: 'idle' })
  const error = shallowRef<StreamError | undefined>(undefined)

  watchEventStream(source, options, (stream) => {
    const store = eventStreamStore(stream, type)
    const read = () => {
      const snapshot = store.getSnapshot()
      data.value = snapshot.data
      status.value = snapshot.status
      error.value = snapshot.error
    }
    const unsubscribe = store.subscribe(read)
    read()
    return unsubscribe
  })

  return { data, status, error }
}
