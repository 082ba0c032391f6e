import type { EventMap, EventStream, StreamStatus } from '@rivulet/core'
import { shallowRef } from 'vue'
import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import { watchEventStream } from './watch-event-stream'

/**
 * The connection status of a stream, as a ref, without connecting it: for a badge or a banner
 * beside components that read the events. `idle` during server rendering.
 *
 * ```ts
 * const status = useEventStreamStatus(stocks)
 * const online = computed(() => status.value.state === 'open')
 * ```
 */
export function useEventStreamStatus<Events extends EventMap>(
  stream: MaybeRefOrGetter<EventStream<Events>>,
): Readonly<ShallowRef<StreamStatus>> {
  const status = shallowRef<StreamStatus>({ state: 'idle' })
  watchEventStream(stream, undefined, (current) => {
    // status$ emits the current status at once and never connects.
    const subscription = current.status$.subscribe((next) => (status.value = next))
    return () => subscription.unsubscribe()
  })
  return status
}
