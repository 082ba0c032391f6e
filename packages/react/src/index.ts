// The public API of @rivulet/react, and only it: hooks over @rivulet/core's stores.

export { useCreateEventStream } from './use-create-event-stream'
export { useEventStream } from './use-event-stream'
export { useEventStreamListener } from './use-event-stream-listener'
export { useEventStreamStatus } from './use-event-stream-status'
