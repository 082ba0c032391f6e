import { createEventStream } from '@rivulet/core'
import type { EventStream, StreamError, StreamStatus } from '@rivulet/core'
import { describe, expectTypeOf, it } from 'vitest'
import { computed, ref, shallowRef } from 'vue'
import type { ShallowRef } from 'vue'
import { useEventStream, useEventStreamListener, useEventStreamStatus } from './index'

interface StockPriceEvent {
  id: number
  symbol: string
  price: number
  timestamp: string
}
type StockEvents = { stockUpdate: StockPriceEvent; notice: string }

const stocks = createEventStream<StockEvents>('/stocks')

describe('useEventStream types', () => {
  it('types data by the event type of a stream', () => {
    const { data, status, error } = useEventStream(stocks, 'stockUpdate')
    expectTypeOf(data).toEqualTypeOf<Readonly<ShallowRef<StockPriceEvent | undefined>>>()
    expectTypeOf(data.value).toEqualTypeOf<StockPriceEvent | undefined>()
    expectTypeOf(status.value).toEqualTypeOf<StreamStatus>()
    expectTypeOf(error.value).toEqualTypeOf<StreamError | undefined>()
    expectTypeOf(useEventStream(stocks, 'notice').data.value).toEqualTypeOf<string | undefined>()
  })

  it('types data by an explicit event map for a URL', () => {
    const { data } = useEventStream<{ stockUpdate: StockPriceEvent }>('/stocks', 'stockUpdate')
    expectTypeOf(data.value).toEqualTypeOf<StockPriceEvent | undefined>()
    const notice = useEventStream<StockEvents, 'notice'>(ref('/stocks'), 'notice')
    expectTypeOf(notice.data.value).toEqualTypeOf<string | undefined>()
  })

  it('accepts refs and getters of URLs and streams', () => {
    const url = ref<string | URL>('/stocks')
    expectTypeOf(useEventStream(url, 'x').data.value).toEqualTypeOf<unknown>()
    useEventStream(() => new URL('/stocks', 'http://127.0.0.1'), 'x', { retry: false })
    const current = shallowRef<EventStream<StockEvents>>(stocks)
    expectTypeOf(useEventStream(current, 'stockUpdate').data.value).toEqualTypeOf<
      StockPriceEvent | undefined
    >()
    expectTypeOf(
      useEventStream(
        computed(() => stocks),
        'notice',
      ).data.value,
    ).toEqualTypeOf<string | undefined>()
  })

  it('rejects event types the map does not have and writes to the refs', () => {
    // @ts-expect-error: not an event type of the stream
    useEventStream(stocks, 'trade')
    // @ts-expect-error: options belong to a stream the composable creates, not to one given
    useEventStream(stocks, 'stockUpdate', { retry: false })
    const { data } = useEventStream(stocks, 'stockUpdate')
    // @ts-expect-error: the stream writes the refs, not the caller
    data.value = undefined
  })
})

describe('useEventStreamStatus and useEventStreamListener types', () => {
  it('gives a readonly status ref', () => {
    expectTypeOf(useEventStreamStatus(stocks)).toEqualTypeOf<Readonly<ShallowRef<StreamStatus>>>()
    // @ts-expect-error: a URL has no status until something connects it; pass the stream
    useEventStreamStatus('/stocks')
  })

  it('passes the payload type to the listener', () => {
    useEventStreamListener(stocks, 'stockUpdate', (quote) => {
      expectTypeOf(quote).toEqualTypeOf<StockPriceEvent>()
    })
    useEventStreamListener<StockEvents, 'notice'>('/stocks', 'notice', (text) => {
      expectTypeOf(text).toEqualTypeOf<string>()
    })
    const quotes = createEventStream<{ stockUpdate: StockPriceEvent }>('/quotes')
    useEventStreamListener<{ stockUpdate: StockPriceEvent }>(quotes, 'stockUpdate', (quote) => {
      expectTypeOf(quote).toEqualTypeOf<StockPriceEvent>()
    })
  })
})
