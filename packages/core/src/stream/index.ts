export { createEventStream } from './create-event-stream'
export { pageLifecycle } from './lifecycle'
export type { PageLifecycleOptions } from './lifecycle'
export { inStorage } from './persist'
export { acrossTabs } from './tabs/share-tabs'
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
  Lifecycle,
  LifecycleControls,
  MaybeAsync,
  PauseReason,
  Persisted,
  Persistence,
  SchemaMap,
  Sharing,
  StreamEvent,
  StreamState,
  StreamStatus,
  StreamUrl,
  UnauthorizedHandler,
} from './types'
