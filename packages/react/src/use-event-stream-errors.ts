import { useEffect } from 'react'
import type { AnyEventStream, StreamError } from '@rivulet/core'
import { useLatest } from './stores'

/**
 * Calls `listener` with every error the stream reports while the component is mounted:
 * connection errors (also those the stream recovers from) and payloads that failed to decode,
 * which change no status. Never connects. The latest listener is called.
 *
 * ```tsx
 * useEventStreamErrors(stocks, (error) => console.warn(error.kind, error.message))
 * ```
 */
export function useEventStreamErrors(
  stream: AnyEventStream | null | undefined,
  listener: (error: StreamError) => void,
): void {
  const latest = useLatest(listener)
  useEffect(() => {
    const subscription = stream?.errors$.subscribe((error) => latest.current(error))
    return () => subscription?.unsubscribe()
  }, [stream, latest])
}
