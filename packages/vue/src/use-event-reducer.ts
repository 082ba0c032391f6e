import { eventReducerStore } from '@rivulet/core'
import type { EventMap, EventStream, EventType } from '@rivulet/core'
import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import { followStore } from './follow-store'
import type { ReadOptions } from './watch-event-stream'

/**
 * Folds every payload of one event type into a ref: `reducer(state, payload)` runs once per
 * event, also for events that arrive within one tick. Starts from `initial` for each stream;
 * keeps its value while `enabled` is off. Takes a stream (or a ref of one, e.g. from
 * `useCreateEventStream`), so that TypeScript infers the state's type.
 *
 * ```ts
 * const volume = useEventReducer(trades, 'trade', (total, trade) => total + trade.size, 0)
 * ```
 */
export function useEventReducer<Events extends EventMap, K extends EventType<Events>, S>(
  stream: MaybeRefOrGetter<EventStream<Events> | null | undefined>,
  type: K,
  reducer: (state: S, data: Events[K]) => S,
  initial: S,
  options?: ReadOptions,
): Readonly<ShallowRef<S>> {
  return followStore(
    stream,
    options,
    (current) => eventReducerStore(current, type, reducer, initial),
    initial,
  )
}
