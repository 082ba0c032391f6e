import type { EventStream, StreamStatus } from '@rivulet/core'
import { useEventStreamStatus } from '@rivulet/react'
import type { StockEvents } from './stocks'

export function StatusBadge({ stream }: { stream: EventStream<StockEvents> }) {
  // Only observes: the quote table is what keeps the stream connected.
  const status = useEventStreamStatus(stream)
  return (
    <span className="badge" data-state={status.state} role="status" aria-label="Connection">
      {describeStatus(status)}
    </span>
  )
}

export function describeStatus(status: StreamStatus): string {
  switch (status.state) {
    case 'idle':
      return 'Idle'
    case 'connecting':
      return status.attempt === 0 ? 'Connecting…' : `Connecting · attempt ${status.attempt}…`
    case 'open':
      return 'Open'
    case 'reconnecting': {
      // `delay` is undefined when native EventSource schedules the retry itself.
      const wait = status.delay === undefined ? '' : ` in ${(status.delay / 1000).toFixed(1)} s`
      return `Reconnecting · attempt ${status.attempt}${wait}`
    }
    case 'paused':
      return `Paused · ${status.reason}`
    case 'closed':
      return `Closed · ${status.reason}`
  }
}
