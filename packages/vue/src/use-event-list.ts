import { eventListStore } from '@rivulet/core'
import type { EventMap, EventStream, EventStreamOptions, EventType } from '@rivulet/core'
import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import type { NameTheEventType, Payload, SoleEventType } from './event-type'
import { followStore } from './follow-store'
import type { ReadOptions, Source } from './watch-event-stream'

export interface UseEventListOptions extends ReadOptions {
  /** How many payloads to keep; the oldest drop off. Default 50. */
  readonly max?: number
}

/**
 * The payloads of one event type, newest first, at most `max` (default 50), as a ref: every
 * event, also those that arrive within one tick. Connects while the scope lives and `enabled` is
 * on; a new stream starts an empty list.
 *
 * ```ts
 * const updates = useEventList(stocks, 'stockUpdate', { max: 50 })
 * ```
 */
export function useEventList<
  Events extends EventMap,
  K extends EventType<Events> | NameTheEventType = SoleEventType<Events>,
>(
  stream: MaybeRefOrGetter<EventStream<Events> | null | undefined>,
  type: K,
  options?: UseEventListOptions,
): Readonly<ShallowRef<readonly Payload<Events, K>[]>>
/** With a URL, the stream is created with `options` and closed as in `useEventStream`. */
export function useEventList<
  Events extends EventMap = Record<string, unknown>,
  K extends EventType<Events> | NameTheEventType = SoleEventType<Events>,
>(
  url: MaybeRefOrGetter<string | URL | null | undefined>,
  type: K,
  options?: EventStreamOptions<Events> & UseEventListOptions,
): Readonly<ShallowRef<readonly Payload<Events, K>[]>>
export function useEventList<Events extends EventMap, K extends EventType<Events>>(
  source: Source<EventStream<Events>>,
  type: K,
  options?: EventStreamOptions<Events> & UseEventListOptions,
): Readonly<ShallowRef<readonly Events[K][]>> {
  return followStore(
    source,
    options,
    (stream) => eventListStore(stream, type, { max: options?.max }),
    [],
  )
}
