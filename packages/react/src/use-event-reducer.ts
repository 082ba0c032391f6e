import { useMemo } from 'react'
import { eventReducerStore } from '@rivulet/core'
import type { EventMap, EventStream, EventType } from '@rivulet/core'
import { constantStore, noSubscription, useLatest, useStore } from './stores'
import type { ReadOptions } from './stores'

/**
 * Folds every payload of one event type into state: `reducer(state, payload)` runs once per
 * event, also for events that arrive together and render once. The stream stays connected while
 * the component reads it. `initial` is read when the hook first sees a stream (and again for a
 * new stream or type); the reducer may change on every render, and the latest one runs.
 *
 * ```tsx
 * const volume = useEventReducer(trades, 'trade', (total, trade) => total + trade.size, 0)
 * ```
 */
export function useEventReducer<Events extends EventMap, K extends EventType<Events>, S>(
  stream: EventStream<Events> | null | undefined,
  type: K,
  reducer: (state: S, data: Events[K]) => S,
  initial: S,
  options?: ReadOptions,
): S {
  const latest = useLatest(reducer)
  const store = useMemo(
    () =>
      stream
        ? eventReducerStore(stream, type, (state: S, data) => latest.current(state, data), initial)
        : constantStore(initial),
    // Not `initial`, as with useReducer: an inline [] or {} is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stream, type],
  )
  return useStore(store, options?.enabled === false ? noSubscription : undefined)
}
