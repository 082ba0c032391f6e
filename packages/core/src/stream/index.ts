export { createEventStream } from './create-event-stream'
export type {
  CloseReason,
  Decoder,
  EventMap,
  EventStream,
  EventStreamOptions,
  EventType,
  MaybeAsync,
  StreamEvent,
  StreamState,
  StreamStatus,
  StreamUrl,
  UnauthorizedHandler,
} from './types'
