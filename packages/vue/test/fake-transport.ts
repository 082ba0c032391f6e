import { createEventStream } from '@rivulet/core'
import type {
  EventStreamOptions,
  Transport,
  TransportMessage,
  TransportRequest,
} from '@rivulet/core'
import { Observable } from 'rxjs'
import type { Subscriber } from 'rxjs'

/** One connection the stream made, driven by the test. */
export interface FakeConnection {
  readonly request: TransportRequest
  readonly subscriber: Subscriber<TransportMessage>
  /** Whether the stream tore this connection down. */
  closed(): boolean
  open(): void
  send(type: string, data: unknown): void
}

/** A transport whose connections the test drives by hand: no network, no timers. */
export interface FakeTransport extends Transport {
  readonly connections: FakeConnection[]
}

export function fakeTransport(): FakeTransport {
  const connections: FakeConnection[] = []
  return {
    name: 'fake',
    connections,
    connect: (request) =>
      new Observable<TransportMessage>((subscriber) => {
        let torn = false
        connections.push({
          request,
          subscriber,
          closed: () => torn,
          open: () => subscriber.next({ type: 'open' }),
          send: (type, data) =>
            subscriber.next({
              type: 'event',
              event: { type, data: JSON.stringify(data), lastEventId: '', id: undefined },
            }),
        })
        return () => {
          torn = true
        }
      }),
  }
}

export interface StockPrice {
  readonly symbol: string
  readonly price: number
}
export type StockEvents = { stockUpdate: StockPrice; notice: string }

/** A real core stream over a fake transport; no retries unless asked. */
export function fakeStream(options: EventStreamOptions<StockEvents> = {}) {
  const transport = fakeTransport()
  const stream = createEventStream<StockEvents>('http://127.0.0.1/stocks', {
    transport,
    retry: false,
    ...options,
  })
  return { transport, stream }
}

/** Lets the stream's asynchronous request factory run and Vue flush its updates. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
