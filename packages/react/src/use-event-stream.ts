import { useMemo } from 'react'
import { eventStreamStatusStore, eventStreamStore } from '@rivulet/core'
import type { EventMap, EventStream, EventStreamSnapshot, EventType } from '@rivulet/core'
import { constantStore, useStore } from './stores'
import type { ReadOptions } from './stores'

/** What `useEventStream` returns: the snapshot, the stream's last event ID, and its controls. */
export interface UseEventStreamResult<T> extends EventStreamSnapshot<T> {
  /**
   * The stream's last event ID, read when the component renders (after each event of the type
   * and each status change); `""` on the server and until the stream first changes.
   */
  readonly lastEventId: string
  /** `stream.reconnect()`: skips the wait while reconnecting ("Retry now"). */
  readonly reconnect: () => void
  /** `stream.restart()`: brings a closed stream back, resuming from its last event ID. */
  readonly restart: () => void
  /** `stream.close()`: closes the stream for every reader, until `restart()`. */
  readonly close: () => void
}

const NO_STREAM = constantStore<EventStreamSnapshot<never>>({
  data: undefined,
  status: { state: 'idle' },
  error: undefined,
})

/**
 * The latest payload of one event type and the connection status, as `{ data, status, error }`,
 * with the stream's `lastEventId` and controls. While a component uses it, the stream is
 * connected (one connection shared by every reader). Given `null`, it reads nothing.
 *
 * ```tsx
 * const { data, status, reconnect } = useEventStream(stocks, 'stockUpdate')
 * ```
 */
export function useEventStream<Events extends EventMap, K extends EventType<Events>>(
  stream: EventStream<Events> | null | undefined,
  type: K,
  options?: ReadOptions,
): UseEventStreamResult<Events[K]> {
  // A new store only for a new stream or type: useSyncExternalStore resubscribes when
  // `subscribe` changes identity, so a store per render would reconnect on every render.
  const [store, status] = useMemo(
    () => (stream ? [eventStreamStore(stream, type), eventStreamStatusStore(stream)] : [NO_STREAM]),
    [stream, type],
  )
  // Disabled, it still follows the status (which never connects), as useEventStreamStatus does.
  const snapshot = useStore(store, options?.enabled === false ? status?.subscribe : undefined)
  const controls = useMemo(
    () => ({
      reconnect: () => stream?.reconnect(),
      restart: () => stream?.restart(),
      close: () => stream?.close(),
    }),
    [stream],
  )
  return useMemo(
    () => ({
      ...snapshot,
      // The initial snapshot is what the server rendered: hydration must see the same id.
      lastEventId: snapshot === store.getInitialSnapshot() ? '' : (stream?.lastEventId ?? ''),
      ...controls,
    }),
    [snapshot, store, stream, controls],
  )
}
