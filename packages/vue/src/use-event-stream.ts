import { eventStreamStatusStore, eventStreamStore } from '@rivulet/core'
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
import type { NameTheEventType, Payload, SoleEventType } from './event-type'
import { noop } from './follow-store'
import { watchEventStream } from './watch-event-stream'
import type { ReadOptions, Source } from './watch-event-stream'

/** What `useEventStream` returns: refs you read (the stream writes them), and its controls. */
export interface UseEventStreamReturn<T> {
  /** The latest payload of the event type, or `undefined` before the first. */
  readonly data: Readonly<ShallowRef<T | undefined>>
  /** The connection status; `idle` until connected (and always during server rendering). */
  readonly status: Readonly<ShallowRef<StreamStatus>>
  /** The error behind a `reconnecting` or `closed` status, if any. */
  readonly error: Readonly<ShallowRef<StreamError | undefined>>
  /** The stream's last event ID, as of the latest event of the type or status change. */
  readonly lastEventId: Readonly<ShallowRef<string>>
  /** `stream.reconnect()`: skips the wait while reconnecting ("Retry now"). */
  reconnect(): void
  /** `stream.restart()`: brings a closed stream back, resuming from its last event ID. */
  restart(): void
  /** `stream.close()`: closes the stream for every reader, until `restart()`. */
  close(): void
}

const IDLE: StreamStatus = { state: 'idle' }

/**
 * The latest payload of one event type and the connection status, as refs, with the stream's
 * last event ID and controls. Connects while the calling scope (a component, `effectScope`, a
 * Pinia store) lives and `enabled` is on, sharing the stream's one connection with every other
 * reader. A `null` source reads nothing.
 *
 * ```ts
 * const { data, status, reconnect } = useEventStream(stocks, 'stockUpdate')
 * ```
 */
export function useEventStream<
  Events extends EventMap,
  K extends EventType<Events> | NameTheEventType = SoleEventType<Events>,
>(
  stream: MaybeRefOrGetter<EventStream<Events> | null | undefined>,
  type: K,
  options?: ReadOptions,
): UseEventStreamReturn<Payload<Events, K>>
/**
 * With a URL (a string, `URL`, ref or getter), the composable creates the stream with `options`,
 * and closes it when the URL changes (opening a new one) or the scope is disposed. Name the
 * event type as well as the map: `useEventStream<Events, 'notice'>(url, 'notice')`.
 */
export function useEventStream<
  Events extends EventMap = Record<string, unknown>,
  K extends EventType<Events> | NameTheEventType = SoleEventType<Events>,
>(
  url: MaybeRefOrGetter<string | URL | null | undefined>,
  type: K,
  options?: EventStreamOptions<Events> & ReadOptions,
): UseEventStreamReturn<Payload<Events, K>>
export function useEventStream<Events extends EventMap, K extends EventType<Events>>(
  source: Source<EventStream<Events>>,
  type: K,
  options?: EventStreamOptions<Events> & ReadOptions,
): UseEventStreamReturn<Events[K]> {
  const data = shallowRef<Events[K]>()
  const status = shallowRef(IDLE)
  const error = shallowRef<StreamError>()
  const lastEventId = shallowRef('')

  const current = watchEventStream(source, options, (stream, reading) => {
    const store = stream && eventStreamStore(stream, type)
    const read = () => {
      const snapshot = store?.getSnapshot()
      data.value = snapshot?.data
      status.value = snapshot?.status ?? IDLE
      error.value = snapshot?.error
      lastEventId.value = stream?.lastEventId ?? ''
    }
    read()
    // Disabled, it still follows the status, which never connects.
    return stream && store
      ? (reading ? store : eventStreamStatusStore(stream)).subscribe(read)
      : noop
  })

  const control = (name: 'reconnect' | 'restart' | 'close') => () => current()?.[name]()
  return {
    data,
    status,
    error,
    lastEventId,
    reconnect: control('reconnect'),
    restart: control('restart'),
    close: control('close'),
  }
}
