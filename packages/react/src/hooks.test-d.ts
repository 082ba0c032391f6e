import { createElement } from 'react'
import type { ReactElement } from 'react'
import { describe, expectTypeOf, it } from 'vitest'
import { createEventStream } from '@rivulet/core'
import type { AnyEventStream, EventStream, StreamError, StreamStatus } from '@rivulet/core'
import {
  useCreateEventStream,
  useEventList,
  useEventReducer,
  useEventStream,
  useEventStreamErrors,
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
    const { data, status, error, lastEventId, reconnect } = useEventStream(stocks, 'stockUpdate')
    expectTypeOf(data).toEqualTypeOf<StockPriceEvent | undefined>()
    expectTypeOf(status).toEqualTypeOf<StreamStatus>()
    expectTypeOf(error).toEqualTypeOf<StreamError | undefined>()
    expectTypeOf(lastEventId).toEqualTypeOf<string>()
    expectTypeOf(reconnect).toEqualTypeOf<() => void>()
    expectTypeOf(useEventStream(stocks, 'notice').data).toEqualTypeOf<string | undefined>()
  })

  it('types the list and the fold by the event map', () => {
    expectTypeOf(useEventList(stocks, 'stockUpdate', { max: 50 })).toEqualTypeOf<
      readonly StockPriceEvent[]
    >()
    const total = useEventReducer(stocks, 'stockUpdate', (sum: number, q) => sum + q.price, 0)
    expectTypeOf(total).toEqualTypeOf<number>()
    useEventReducer(
      stocks,
      'notice',
      (text: string, notice) => {
        expectTypeOf(notice).toEqualTypeOf<string>()
        return text + notice
      },
      '',
    )
    // @ts-expect-error the reducer must return the state's type
    useEventReducer(stocks, 'stockUpdate', (sum: number) => String(sum), 0)
    // @ts-expect-error max is a number
    useEventList(stocks, 'stockUpdate', { max: '50' })
  })

  it('accepts no stream yet, and an enabled flag', () => {
    const maybe = useCreateEventStream<StockEvents>(null as string | null)
    expectTypeOf(maybe).toEqualTypeOf<EventStream<StockEvents> | undefined>()
    expectTypeOf(useEventStream(maybe, 'stockUpdate').data).toEqualTypeOf<
      StockPriceEvent | undefined
    >()
    expectTypeOf(useEventList(maybe, 'notice', { enabled: false })).toEqualTypeOf<
      readonly string[]
    >()
    useEventStreamListener(maybe, 'notice', (text) => expectTypeOf(text).toEqualTypeOf<string>(), {
      enabled: true,
    })
    expectTypeOf(useEventStreamStatus(undefined)).toEqualTypeOf<StreamStatus>()
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

  it('lets a component that takes any stream take a typed one', () => {
    function ConnectionBadge({ stream }: { stream: AnyEventStream }): ReactElement {
      useEventStreamErrors(stream, (error) => expectTypeOf(error).toEqualTypeOf<StreamError>())
      return createElement('span', null, useEventStreamStatus(stream).state)
    }
    createElement(ConnectionBadge, { stream: stocks })
    // @ts-expect-error EventStream<object> is no supertype of typed streams, which is why
    const typed: EventStream<object> = stocks
    void typed
    createElement(ConnectionBadge, { stream: createEventStream('/untyped') })
    // @ts-expect-error a stream it is not
    createElement(ConnectionBadge, { stream: '/stocks' })
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
