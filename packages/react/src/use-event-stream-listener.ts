import { useEffect, useMemo } from 'react'
import { eventReducerStore } from '@rivulet/core'
import type { EventMap, EventStream, EventType } from '@rivulet/core'
import { noSubscription, useLatest } from './stores'
import type { ReadOptions } from './stores'

/**
 * Calls `listener` with every payload of one event type, for as long as the component is
 * mounted; the stream stays connected meanwhile. Use it for side effects: a toast, a sound, a
 * log. To keep events in state, `useEventList` and `useEventReducer` do it for you.
 *
 * The listener may change on every render without resubscribing: the latest one is called.
 *
 * ```tsx
 * useEventStreamListener(orders, 'orderShipped', (order) => toast(`Order ${order.id} shipped`))
 * ```
 */
export function useEventStreamListener<Events extends EventMap, K extends EventType<Events>>(
  stream: EventStream<Events> | null | undefined,
  type: K,
  listener: (data: Events[K]) => void,
  options?: ReadOptions,
): void {
  const latest = useLatest(listener)
  // A fold that keeps no state: core's stores subscribe again after the stream restarts, which
  // a bare `stream.on(type)` subscription (completed by the close) would not.
  const store = useMemo(
    () =>
      stream &&
      eventReducerStore(
        stream,
        type,
        (none: undefined, data) => {
          latest.current(data)
          return none
        },
        undefined,
      ),
    [stream, type, latest],
  )
  const enabled = options?.enabled ?? true
  useEffect(
    () => (store && enabled ? store.subscribe(noSubscription) : undefined),
    [store, enabled],
  )
}
