import type { ServerSentEvent } from '../parse'
import type { TransportMessage } from './types'

// Events per message at most. A whole 2 MiB chunk (Chromium's fetch on loopback) holds ~15 000
// small events: held until the chunk is parsed, they outlive a young-generation collection.
const BATCH = 256

/**
 * Collects events into `events` messages, so that the stream's per-message work (the Observable
 * hop, the connection's dispatch) is paid once a batch rather than once an event. `send` is the
 * way out for every other message: it sends the events collected so far first, keeping order.
 */
export function eventBatch(next: (message: TransportMessage) => void) {
  const events: ServerSentEvent[] = []
  const flush = () => void (events.length > 0 && next({ type: 'events', events: events.splice(0) }))
  return {
    /** Adds an event; returns whether it started a new batch. */
    add(event: ServerSentEvent): boolean {
      const count = events.push(event)
      if (count === BATCH) flush()
      return count === 1
    },
    flush,
    send(message: TransportMessage): void {
      flush()
      next(message)
    },
  }
}
