import { useMemo, useSyncExternalStore } from 'react'
import { eventStreamStore } from '@rivulet/core'
import type { EventMap, EventStream, EventStreamSnapshot, EventType } from '@rivulet/core'

/**
 * The latest payload of one event type and the connection status, as `{ data, status, error }`.
 * While a component uses it, the stream is connected (one connection shared by every user).
 *
 * ```tsx
 * const { data, status } = useEventStream(stocks, 'stockUpdate')
 * ```
 */
export function useEventStream<Events extends EventMap, K extends EventType<Events>>(
  stream: EventStream<Events>,
  type: K,
): EventStreamSnapshot<Events[K]> {
  // A new store only for a new stream or type: useSyncExternalStore resubscribes when
  // `subscribe` changes identity, so a store per render would reconnect on every render.
  const store = useMemo(() => eventStreamStore(stream, type), [stream, type])
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getInitialSnapshot)
}
