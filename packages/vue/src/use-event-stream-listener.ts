import { eventReducerStore } from '@rivulet/core'
import type { EventMap, EventStream, EventStreamOptions, EventType } from '@rivulet/core'
import type { MaybeRefOrGetter } from 'vue'
import type { NameTheEventType, Payload, SoleEventType } from './event-type'
import { followStore } from './follow-store'
import type { ReadOptions, Source } from './watch-event-stream'

/**
 * Calls `listener` with every payload of one event type, while the calling scope lives and
 * `enabled` is on. For side effects (a toast, a log); to keep events in a ref, `useEventList`
 * and `useEventReducer` do it for you.
 *
 * ```ts
 * useEventStreamListener(orders, 'orderShipped', (order) => notify(`Order ${order.id} shipped`))
 * ```
 */
export function useEventStreamListener<
  Events extends EventMap,
  K extends EventType<Events> | NameTheEventType = SoleEventType<Events>,
>(
  stream: MaybeRefOrGetter<EventStream<Events> | null | undefined>,
  type: K,
  listener: (data: Payload<Events, K>) => void,
  options?: ReadOptions,
): void
/** With a URL, the stream is created with `options` and closed as in `useEventStream`. */
export function useEventStreamListener<
  Events extends EventMap = Record<string, unknown>,
  K extends EventType<Events> | NameTheEventType = SoleEventType<Events>,
>(
  url: MaybeRefOrGetter<string | URL | null | undefined>,
  type: K,
  listener: (data: Payload<Events, K>) => void,
  options?: EventStreamOptions<Events> & ReadOptions,
): void
export function useEventStreamListener<Events extends EventMap, K extends EventType<Events>>(
  source: Source<EventStream<Events>>,
  type: K,
  listener: (data: Events[K]) => void,
  options?: EventStreamOptions<Events> & ReadOptions,
): void {
  // A fold that keeps no state: core's stores subscribe again after the stream restarts, which
  // a bare `stream.on(type)` subscription (completed by the close) would not.
  const each = (none: undefined, data: Events[K]) => {
    listener(data)
    return none
  }
  followStore(
    source,
    options,
    (stream) => eventReducerStore(stream, type, each, undefined),
    undefined,
  )
}
