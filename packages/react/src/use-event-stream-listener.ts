import { useEffect, useInsertionEffect, useRef } from 'react'
import type { EventMap, EventStream, EventType } from '@rivulet/core'

/**
 * Calls `listener` with every payload of one event type, for as long as the component is
 * mounted; the stream stays connected meanwhile. Use it where every event matters, e.g. to fold
 * quotes into a table or to raise a toast: `useEventStream` renders only the latest payload, and
 * React may render once for several events that arrive together.
 *
 * The listener may change on every render without resubscribing: the latest one is called.
 *
 * ```tsx
 * const [count, setCount] = useState(0)
 * useEventStreamListener(stocks, 'stockUpdate', () => setCount((n) => n + 1))
 * ```
 */
export function useEventStreamListener<Events extends EventMap, K extends EventType<Events>>(
  stream: EventStream<Events>,
  type: K,
  listener: (data: Events[K]) => void,
): void {
  const latest = useRef(listener)
  // An insertion effect runs before any other effect of the commit (so before an event can be
  // delivered to the new subscription) and, unlike a layout effect, says nothing on the server.
  useInsertionEffect(() => {
    latest.current = listener
  })
  useEffect(() => {
    const subscription = stream.on(type).subscribe((data) => latest.current(data))
    return () => subscription.unsubscribe()
  }, [stream, type])
}
