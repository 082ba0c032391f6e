import type { Observable } from 'rxjs'
import * as v from 'valibot'
import { z } from 'zod'
import { describe, expectTypeOf, it } from 'vitest'
import type { StreamError } from '../errors'
import { createEventStream } from './create-event-stream'
import { eventListStore, eventReducerStore, eventStreamStatusStore } from './store'
import type { Store } from './store'
import type {
  AnyEventStream,
  EventStream,
  EventStreamOptions,
  StreamEvent,
  StreamStatus,
} from './types'

interface StockPriceEvent {
  symbol: string
  price: number
}
type StockEvents = { stockUpdate: StockPriceEvent; heartbeat: number }

describe('createEventStream types', () => {
  const stocks = createEventStream<StockEvents>('http://localhost:5000/stocks')

  it('types on(type) by the event map', () => {
    expectTypeOf(stocks.on('stockUpdate')).toEqualTypeOf<Observable<StockPriceEvent>>()
    expectTypeOf(stocks.on('heartbeat')).toEqualTypeOf<Observable<number>>()
    // @ts-expect-error: not an event of the map
    stocks.on('nope')
  })

  it('narrows events$ data by type', () => {
    stocks.events$.subscribe((event) => {
      if (event.type === 'stockUpdate') expectTypeOf(event.data).toEqualTypeOf<StockPriceEvent>()
      else expectTypeOf(event.data).toEqualTypeOf<number>()
    })
    expectTypeOf(stocks.events$).toEqualTypeOf<Observable<StreamEvent<StockEvents>>>()
  })

  it('exposes status, errors and the last event id', () => {
    expectTypeOf(stocks.status$).toEqualTypeOf<Observable<StreamStatus>>()
    expectTypeOf(stocks.status).toEqualTypeOf<StreamStatus>()
    expectTypeOf(stocks.errors$).toEqualTypeOf<Observable<StreamError>>()
    expectTypeOf(stocks.lastEventId).toEqualTypeOf<string>()
    expectTypeOf(stocks.latest('stockUpdate')).toEqualTypeOf<StockPriceEvent | undefined>()
  })

  it('accepts an interface as the event map and types per-event decoders', () => {
    interface Chat {
      token: string
    }
    const chat = createEventStream<Chat>('/chat', {
      method: 'POST',
      decode: { token: (data) => data },
    })
    expectTypeOf(chat.on('token')).toEqualTypeOf<Observable<string>>()
    createEventStream<Chat>('/chat', {
      // @ts-expect-error: the decoder must return the event's type
      decode: { token: (data) => data.length },
    })
  })

  it('narrows errors by kind', () => {
    stocks.errors$.subscribe((error) => {
      if (error.kind === 'http') expectTypeOf(error.status).toEqualTypeOf<number>()
      if (error.kind === 'gave-up') expectTypeOf(error.attempts).toEqualTypeOf<number>()
    })
  })

  it('lets any typed stream stand where code takes any stream', () => {
    function badge(stream: AnyEventStream): string {
      stream.reconnect()
      return stream.status.state
    }
    badge(stocks)
    badge(createEventStream('/untyped'))
    expectTypeOf(stocks).toMatchTypeOf<AnyEventStream>()
    expectTypeOf(eventStreamStatusStore(stocks)).toEqualTypeOf<Store<StreamStatus>>()
    // What did not compile before: a typed stream where `EventStream<object>` is asked for.
    const typed: EventStream<StockEvents> = stocks
    const any: AnyEventStream = typed
    expectTypeOf(any.restart).toEqualTypeOf<() => void>()
  })

  it('types the fold and list stores by the event type', () => {
    expectTypeOf(eventListStore(stocks, 'stockUpdate')).toEqualTypeOf<
      Store<readonly StockPriceEvent[]>
    >()
    const total = eventReducerStore(
      stocks,
      'stockUpdate',
      (sum: number, quote) => {
        expectTypeOf(quote).toEqualTypeOf<StockPriceEvent>()
        return sum + quote.price
      },
      0,
    )
    expectTypeOf(total).toEqualTypeOf<Store<number>>()
    // @ts-expect-error: the reducer must return the state's type
    eventReducerStore(stocks, 'stockUpdate', (sum: number) => String(sum), 0)
  })

  it('says when a reconnection is due and whether it resumes', () => {
    const status = stocks.status
    if (status.state === 'reconnecting') {
      expectTypeOf(status.retryAt).toEqualTypeOf<number | undefined>()
      expectTypeOf(status.resumable).toEqualTypeOf<boolean>()
    }
  })

  it('infers the event map from schemas, with no type argument', () => {
    const quotes = createEventStream('/stocks', {
      schemas: {
        stockUpdate: z.object({ symbol: z.string(), price: z.number() }),
        notice: v.string(),
      },
    })
    expectTypeOf(quotes.on('stockUpdate')).toEqualTypeOf<
      Observable<{ symbol: string; price: number }>
    >()
    expectTypeOf(quotes.on('notice')).toEqualTypeOf<Observable<string>>()
    // @ts-expect-error: not an event of the schemas
    quotes.on('other')
  })

  it('can be instantiated with a map, as in ReturnType<typeof createEventStream<…>>', () => {
    expectTypeOf<ReturnType<typeof createEventStream<StockEvents>>>().toEqualTypeOf<
      EventStream<StockEvents>
    >()
  })

  it('takes options built beforehand, with or without a map', () => {
    const options: EventStreamOptions = { retry: { maxAttempts: 3 } }
    expectTypeOf(createEventStream('/any', options)).toEqualTypeOf<
      EventStream<Record<string, unknown>>
    >()
    const typed: EventStreamOptions<StockEvents> = { keepAlive: 1000 }
    expectTypeOf(createEventStream<StockEvents>('/stocks', typed)).toEqualTypeOf<
      EventStream<StockEvents>
    >()
  })

  it('checks schemas against a map given by hand', () => {
    createEventStream<StockEvents>('/stocks', {
      schemas: { stockUpdate: z.object({ symbol: z.string(), price: z.number() }) },
    })
    createEventStream<StockEvents>('/stocks', {
      // @ts-expect-error: the schema's output must be the event's type
      schemas: { heartbeat: z.string() },
    })
  })
})
