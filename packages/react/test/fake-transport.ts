import { Observable } from 'rxjs'
import type { Subscriber } from 'rxjs'
import type { Transport, TransportMessage, TransportRequest } from '@rivulet/core'

/** One connection made through a `FakeTransport`, driven by the test. */
export interface FakeConnection {
  readonly request: TransportRequest
  readonly subscriber: Subscriber<TransportMessage>
  /** Whether the stream tore this connection down. */
  readonly closed: () => boolean
}

/** A transport whose connections the test drives by hand: real core behaviour, no network. */
export interface FakeTransport extends Transport {
  readonly connections: FakeConnection[]
  /** The connections the stream has not torn down. */
  readonly live: () => FakeConnection[]
}

export function fakeTransport(): FakeTransport {
  const connections: FakeConnection[] = []
  return {
    name: 'fake',
    connections,
    live: () => connections.filter((connection) => !connection.closed()),
    connect: (request) =>
      new Observable<TransportMessage>((subscriber) => {
        let torn = false
        connections.push({ request, subscriber, closed: () => torn })
        return () => {
          torn = true
        }
      }),
  }
}

/** Accepts the connection, as a 200 `text/event-stream` response would. */
export function open(connection: FakeConnection | undefined): void {
  connection?.subscriber.next({ type: 'open' })
}

/** Delivers one event with a JSON payload on the connection. */
export function send(connection: FakeConnection | undefined, type: string, data: unknown): void {
  connection?.subscriber.next({
    type: 'event',
    event: { type, data: JSON.stringify(data), lastEventId: '', id: undefined },
  })
}

/** Lets the stream's asynchronous request factory run, so a subscription reaches the transport. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))
