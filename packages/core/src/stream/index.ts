export { createEventStream } from './create-event-stream'
export {
  eventListStore,
  eventReducerStore,
  eventStreamStatusStore,
  eventStreamStore,
} from './store'
export type { EventStreamSnapshot, Store } from './store'
export type {
  AnyEventStream,
  CloseReason,
  Decoder,
  EventMap,
  EventsOf,
  EventStream,
  EventStreamOptions,
  EventType,
  LastEventIdStorage,
  MaybeAsync,
  PauseReason,
  SchemaMap,
  StreamEvent,
  StreamState,
  StreamStatus,
  StreamUrl,
  UnauthorizedHandler,
} from './types'
