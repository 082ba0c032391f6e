import type { AnyEventStream, StreamError } from '@rivulet/core'
import type { MaybeRefOrGetter } from 'vue'
import { watchEventStream } from './watch-event-stream'

/**
 * Calls `listener` with every error the stream reports while the calling scope lives:
 * connection errors (also those it recovers from) and payloads that failed to decode, which
 * change no status. Never connects. Takes any stream, whatever its events.
 *
 * ```ts
 * useEventStreamErrors(stocks, (error) => console.warn(error.kind, error.message))
 * ```
 */
export function useEventStreamErrors(
  stream: MaybeRefOrGetter<AnyEventStream | null | undefined>,
  listener: (error: StreamError) => void,
): void {
  watchEventStream(stream, undefined, (current) => {
    const subscription = current?.errors$.subscribe(listener)
    return () => subscription?.unsubscribe()
  })
}
