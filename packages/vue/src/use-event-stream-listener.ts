import type { EventMap, EventStream, EventStreamOptions, EventType } from '@rivulet/core'
import type { MaybeRefOrGetter } from 'vue'
import { watchEventStream } from './watch-event-stream'
import type { EventStreamSource } from './watch-event-stream'

/**
 * Calls `listener` with every payload of one event type, while the calling scope lives. Use it
 * when each event matters (a table keyed by symbol, a log), where `useEventStream`'s `data` only
 * keeps the latest: events arriving within one tick would otherwise be rendered once.
 *
 * ```ts
 * const prices = reactive(new Map<string, number>())
 * useEventStreamListener(stocks, 'stockUpdate', (quote) => prices.set(quote.symbol, quote.price))
 * ```
 */
export function useEventStreamListener<
  Events extends EventMap,
  K extends EventType<Events> = EventType<Events>,
>(stream: MaybeRefOrGetter<EventStream<Events>>, type: K, listener: (data: Events[K]) => void): void
/** With a URL, the stream is created with `options` and closed as in `useEventStream`. */
export function useEventStreamListener<
  Events extends EventMap = Record<string, unknown>,
  K extends EventType<Events> = EventType<Events>,
>(
  url: MaybeRefOrGetter<string | URL>,
  type: K,
  listener: (data: Events[K]) => void,
  options?: EventStreamOptions<Events>,
): void
export function useEventStreamListener<Events extends EventMap, K extends EventType<Events>>(
  source: EventStreamSource<Events>,
  type: K,
  listener: (data: Events[K]) => void,
  options?: EventStreamOptions<Events>,
): void {
  watchEventStream(source, options, (stream) => {
    const subscription = stream.on(type).subscribe(listener)
    return () => subscription.unsubscribe()
  })
}
