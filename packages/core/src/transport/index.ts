export { isEventStream } from './content-type'
export { eventSourceTransport } from './eventsource-transport'
export type {
  EventSourceConstructor,
  EventSourceLike,
  EventSourceTransportOptions,
} from './eventsource-transport'
export { fetchTransport } from './fetch-transport'
export type { FetchTransportOptions } from './fetch-transport'
export { lastEventIdHeader, withLastEventId } from './last-event-id'
export type {
  Credentials,
  HeadersInput,
  RequestBody,
  Transport,
  TransportMessage,
  TransportRequest,
} from './types'
