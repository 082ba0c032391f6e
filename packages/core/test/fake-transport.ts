import { Observable } from 'rxjs'
import type { Subscriber } from 'rxjs'
import type { Transport, TransportMessage, TransportRequest } from '../src/transport'

/** One connection made through a `FakeTransport`, driven by the test. */
export interface FakeConnection {
  readonly request: TransportRequest
  readonly subscriber: Subscriber<TransportMessage>
  /** Whether the stream tore this connection down. */
  readonly closed: () => boolean
}

/** A transport whose connections the test drives by hand, for schedules under fake timers. */
export interface FakeTransport extends Transport {
  readonly connections: FakeConnection[]
  /** Answers every new connection at once (before the test can), e.g. with an error. */
  autoRespond?: (connection: FakeConnection) => void
}

export function fakeTransport(): FakeTransport {
  const transport: FakeTransport = {
    name: 'fake',
    connections: [],
    connect: (request) =>
      new Observable<TransportMessage>((subscriber) => {
        let torn = false
        const connection: FakeConnection = { request, subscriber, closed: () => torn }
        transport.connections.push(connection)
        transport.autoRespond?.(connection)
        return () => {
          torn = true
        }
      }),
  }
  return transport
}
