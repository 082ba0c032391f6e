import { createEventStream } from '@rivulet/core'
import type { EventStreamOptions } from '@rivulet/core'
import { fakeTransport } from '@rivulet/core/testing'

export interface StockPrice {
  readonly symbol: string
  readonly price: number
}
export type StockEvents = { stockUpdate: StockPrice; notice: string }

/** A real core stream over core's fake transport; no retries unless asked. */
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
