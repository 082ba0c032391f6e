import { createEventStream } from '@rivulet/core'
import type { EventStream, EventStreamOptions } from '@rivulet/core'
import { fakeTransport } from '@rivulet/core/testing'
import type { FakeTransport } from '@rivulet/core/testing'

export interface StockPriceEvent {
  id: number
  symbol: string
  price: number
  timestamp: string
}
export type StockEvents = { stockUpdate: StockPriceEvent; notice: string }

export const quote = (id: number, symbol: string, price: number): StockPriceEvent => ({
  id,
  symbol,
  price,
  timestamp: `2026-11-25T09:00:0${id}.000Z`,
})

/** A stock stream over core's fake transport, with no retries unless the options ask for them. */
export function stockStream(options: EventStreamOptions<StockEvents> = {}): {
  stream: EventStream<StockEvents>
  transport: FakeTransport
} {
  const transport = fakeTransport()
  const stream = createEventStream<StockEvents>('http://127.0.0.1/stocks', {
    retry: false,
    ...options,
    transport,
  })
  return { stream, transport }
}

/** The connections the stream has not torn down. */
export const live = (transport: FakeTransport) => transport.connections.filter((c) => !c.closed)

/** Lets the stream's asynchronous request factory run, so a subscription reaches the transport. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))
