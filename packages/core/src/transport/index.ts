export { isEventStream } from './content-type'
export { fetchTransport } from './fetch-transport'
export type { FetchTransportOptions } from './fetch-transport'
export type { Transport, TransportMessage, TransportRequest } from './types'
