import type { Observable } from 'rxjs'
import { describe, expectTypeOf, it } from 'vitest'
import type { StreamError } from '../errors'
import { createEventStream } from './create-event-stream'
import type { StreamEvent, StreamStatus } from './types'

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
})
