import { eventStreamStatusStore } from '@rivulet/core'
import type { AnyEventStream, StreamStatus } from '@rivulet/core'
import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import { followStore } from './follow-store'

/**
 * The connection status of a stream, as a ref, without connecting it: for a badge or a banner
 * beside components that read the events. Takes any stream, whatever its events; `idle` during
 * server rendering and without a stream.
 *
 * ```ts
 * const status = useEventStreamStatus(stocks)
 * const online = computed(() => status.value.state === 'open')
 * ```
 */
export function useEventStreamStatus(
  stream: MaybeRefOrGetter<AnyEventStream | null | undefined>,
): Readonly<ShallowRef<StreamStatus>> {
  return followStore(stream, undefined, eventStreamStatusStore, { state: 'idle' })
}
