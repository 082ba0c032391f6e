// The public API of @rivulet/vue, and only it: composables over @rivulet/core's stores.

export { useCreateEventStream } from './use-create-event-stream'
export { useEventList } from './use-event-list'
export type { UseEventListOptions } from './use-event-list'
export { useEventReducer } from './use-event-reducer'
export { useEventStream } from './use-event-stream'
export type { UseEventStreamReturn } from './use-event-stream'
export { useEventStreamErrors } from './use-event-stream-errors'
export { useEventStreamListener } from './use-event-stream-listener'
export { useEventStreamStatus } from './use-event-stream-status'
export type { NameTheEventType, SoleEventType } from './event-type'
export type { ReadOptions } from './watch-event-stream'
