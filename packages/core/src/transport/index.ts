export { eventSourceTransport } from './eventsource-transport'
export type {
  EventSourceConstructor,
  EventSourceLike,
  EventSourceTransportOptions,
} from './eventsource-transport'
export { fetchTransport } from './fetch-transport'
export type { FetchTransportOptions } from './fetch-transport'
export type {
  Credentials,
  HeadersInput,
  RequestBody,
  Transport,
  TransportMessage,
  TransportRequest,
} from './types'
