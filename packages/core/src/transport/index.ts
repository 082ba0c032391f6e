export { isEventStream } from './content-type'
export { eventSourceTransport, withLastEventId } from './eventsource-transport'
export type {
  EventSourceConstructor,
  EventSourceLike,
  EventSourceTransportOptions,
} from './eventsource-transport'
export { fetchTransport } from './fetch-transport'
export type { FetchTransportOptions } from './fetch-transport'
export type { Transport, TransportMessage, TransportRequest } from './types'
