// The public API of @rivulet/vue, and only it.

export { useEventStream } from './use-event-stream'
export type { UseEventStreamReturn } from './use-event-stream'
export { useEventStreamListener } from './use-event-stream-listener'
export { useEventStreamStatus } from './use-event-stream-status'
