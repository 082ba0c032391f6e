import { useMemo, useSyncExternalStore } from 'react'
import { eventStreamStatusStore } from '@rivulet/core'
import type { EventMap, EventStream, StreamStatus } from '@rivulet/core'

/**
 * The stream's connection status. Never connects: it shows what the components that read events
 * (`useEventStream`, `useEventStreamListener`) are doing, so a status badge can sit anywhere.
 *
 * ```tsx
 * const status = useEventStreamStatus(stocks)
 * return <span>{status.state}</span>
 * ```
 */
export function useEventStreamStatus<Events extends EventMap>(
  stream: EventStream<Events>,
): StreamStatus {
  const store = useMemo(() => eventStreamStatusStore(stream), [stream])
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getInitialSnapshot)
}
