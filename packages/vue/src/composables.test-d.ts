import { createEventStream } from '@rivulet/core'
import type { AnyEventStream, EventStream, StreamError, StreamStatus } from '@rivulet/core'
import { describe, expectTypeOf, it } from 'vitest'
import { computed, defineComponent, h, ref, shallowRef } from 'vue'
import type { PropType, ShallowRef } from 'vue'
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

  it('makes naming only the map of several event types a type error, not a union', () => {
    // @ts-expect-error: with several types, the event type must be named too
    useEventStream<StockEvents>('/stocks', 'notice')
    // @ts-expect-error: the same for a stream given with an explicit map
    useEventStream<StockEvents>(stocks, 'notice')
    // @ts-expect-error: and for the list and the listener
    useEventList<StockEvents>('/stocks', 'notice')
    // @ts-expect-error: the listener too
    useEventStreamListener<StockEvents>('/stocks', 'notice', () => {})
    // A map of one type needs no second argument.
    const { data } = useEventStream<{ notice: string }>('/notices', 'notice')
    expectTypeOf(data.value).toEqualTypeOf<string | undefined>()
  })

  it('gives the last event ID and the controls', () => {
    const { lastEventId, reconnect, restart, close } = useEventStream(stocks, 'stockUpdate')
    expectTypeOf(lastEventId).toEqualTypeOf<Readonly<ShallowRef<string>>>()
    expectTypeOf([reconnect, restart, close]).toEqualTypeOf<(() => void)[]>()
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

describe('the list, the fold and the stream a scope owns', () => {
  it('infers everything from a stream, or a ref of one made by useCreateEventStream', () => {
    const owned = useCreateEventStream<StockEvents>(() => '/stocks')
    expectTypeOf(owned).toEqualTypeOf<Readonly<ShallowRef<EventStream<StockEvents> | undefined>>>()
    expectTypeOf(useEventList(owned, 'stockUpdate', { max: 50 }).value).toEqualTypeOf<
      readonly StockPriceEvent[]
    >()
    const total = useEventReducer(owned, 'stockUpdate', (sum: number, q) => sum + q.price, 0)
    expectTypeOf(total).toEqualTypeOf<Readonly<ShallowRef<number>>>()
    expectTypeOf(useEventList(stocks, 'notice', { enabled: ref(false) }).value).toEqualTypeOf<
      readonly string[]
    >()
    // @ts-expect-error: the fold takes a stream, so that the state's type is inferred
    useEventReducer('/stocks', 'stockUpdate', (n: number) => n + 1, 0)
    // @ts-expect-error: the reducer must return the state's type
    useEventReducer(stocks, 'stockUpdate', (n: number) => String(n), 0)
  })

  it('accepts no stream yet', () => {
    expectTypeOf(
      useEventStream(null as EventStream<StockEvents> | null, 'notice').data.value,
    ).toEqualTypeOf<string | undefined>()
    expectTypeOf(useEventStreamStatus(undefined)).toEqualTypeOf<
      Readonly<ShallowRef<StreamStatus>>
    >()
  })

  it('lets a component that takes any stream take a typed one', () => {
    const Badge = defineComponent({
      props: { stream: { type: Object as PropType<AnyEventStream>, required: true } },
      setup(props) {
        const status = useEventStreamStatus(() => props.stream)
        useEventStreamErrors(
          () => props.stream,
          (error) => {
            expectTypeOf(error).toEqualTypeOf<StreamError>()
          },
        )
        return () => h('span', status.value.state)
      },
    })
    h(Badge, { stream: stocks })
    h(Badge, { stream: createEventStream('/untyped') })
    // @ts-expect-error: a URL is not a stream
    h(Badge, { stream: '/stocks' })
  })
})
