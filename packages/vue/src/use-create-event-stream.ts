import { createEventStream } from '@rivulet/core'
import type { EventMap, EventStream, EventStreamOptions } from '@rivulet/core'
import { shallowRef, toValue, watch } from 'vue'
import type { MaybeRefOrGetter, ShallowRef } from 'vue'

/**
 * A stream owned by the calling scope, as a ref: created for the URL (a string, `URL`, ref or
 * getter), replaced (and the old one closed) when the URL changes, closed when the scope is
 * disposed. `null` creates none. The stream is lazy: the composables that read it connect it.
 * Write the event map once here; every composable given the ref infers it.
 *
 * ```ts
 * const stocks = useCreateEventStream<StockEvents>(() => `/stocks?market=${market.value}`)
 * const updates = useEventList(stocks, 'stockUpdate')
 * ```
 */
export function useCreateEventStream<Events extends EventMap = Record<string, unknown>>(
  url: MaybeRefOrGetter<string | URL | null | undefined>,
  options?: EventStreamOptions<Events>,
): Readonly<ShallowRef<EventStream<Events> | undefined>> {
  const stream = shallowRef<EventStream<Events>>()
  // By text: a getter that builds an equal URL object again keeps the stream. The cleanup runs
  // before the next URL's stream is made, and when the scope's disposal stops the watcher.
  watch(
    () => toValue(url)?.toString(),
    (href, _, onCleanup) => {
      const created = href === undefined ? undefined : createEventStream<Events>(href, options)
      stream.value = created
      onCleanup(() => created?.close())
    },
    { immediate: true },
  )
  return stream
}
