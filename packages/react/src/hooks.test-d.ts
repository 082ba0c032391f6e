import { describe, expectTypeOf, it } from 'vitest'
import { createEventStream } from '@rivulet/core'
import type { EventStream, StreamError, StreamStatus } from '@rivulet/core'
import {
  useCreateEventStream,
  useEventStream,
  useEventStreamListener,
  useEventStreamStatus,
} from './index'

interface StockPriceEvent {
  id: number
  symbol: string
  price: number
  timestamp: string
}
type StockEvents = { stockUpdate: StockPriceEvent; notice: string }

const stocks = createEventStream<StockEvents>('/stocks')

describe('hook types', () => {
  it('types the data of useEventStream by the event map', () => {
    const { data, status, error } = useEventStream(stocks, 'stockUpdate')
    expectTypeOf(data).toEqualTypeOf<StockPriceEvent | undefined>()
    expectTypeOf(status).toEqualTypeOf<StreamStatus>()
    expectTypeOf(error).toEqualTypeOf<StreamError | undefined>()
    expectTypeOf(useEventStream(stocks, 'notice').data).toEqualTypeOf<string | undefined>()
  })

  it('refuses an event type that is not in the map', () => {
    // @ts-expect-error 'stockUpdates' is not an event type of StockEvents
    useEventStream(stocks, 'stockUpdates')
    // @ts-expect-error neither may a listener subscribe to it
    useEventStreamListener(stocks, 'stockUpdates', () => {})
  })

  it('types the listener’s payload', () => {
    useEventStreamListener(stocks, 'stockUpdate', (quote) => {
      expectTypeOf(quote).toEqualTypeOf<StockPriceEvent>()
    })
  })

  it('returns the status of useEventStreamStatus', () => {
    expectTypeOf(useEventStreamStatus(stocks)).toEqualTypeOf<StreamStatus>()
  })

  it('types the stream of useCreateEventStream and its options by the event map', () => {
    const stream = useCreateEventStream<StockEvents>(new URL('http://127.0.0.1:5000/stocks'), {
      decode: { notice: (data) => data },
    })
    expectTypeOf(stream).toEqualTypeOf<EventStream<StockEvents>>()
    // @ts-expect-error a decoder must return the payload type of its event
    useCreateEventStream<StockEvents>('/stocks', { decode: { notice: () => 1 } })
  })
})
