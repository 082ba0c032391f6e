import { createEventStream } from '@rivulet/core'
import type { Observable } from 'rxjs'
import { describe, expectTypeOf, it } from 'vitest'
import { STOCK_PRICE_EVENT_KEYS } from '../stock-events'
import type {
  AsWrittenEvents,
  SerializedSseItem,
  StockEvents,
  StockFeedReset,
  StockPriceEvent,
} from '../stock-events'

describe('the ASP.NET server event types', () => {
  it('type on("stockUpdate") as an Observable of StockPriceEvent, and on("reset") of the reset', () => {
    const stocks = createEventStream<StockEvents>('http://127.0.0.1:5000/stocks2')
    expectTypeOf(stocks.on('stockUpdate')).toEqualTypeOf<Observable<StockPriceEvent>>()
    expectTypeOf(stocks.on('reset')).toEqualTypeOf<Observable<StockFeedReset>>()
    expectTypeOf(stocks.latest('stockUpdate')).toEqualTypeOf<StockPriceEvent | undefined>()
  })

  it('name every key of StockPriceEvent in the key list the tests check the JSON against', () => {
    expectTypeOf<(typeof STOCK_PRICE_EVENT_KEYS)[number]>().toEqualTypeOf<keyof StockPriceEvent>()
    expectTypeOf<StockPriceEvent['price']>().toEqualTypeOf<number>()
    expectTypeOf<StockPriceEvent['id']>().toEqualTypeOf<string>()
  })

  it('type the as-written payload as the whole SseItem around the quote', () => {
    const asWritten = createEventStream<AsWrittenEvents>('http://127.0.0.1:5000/stocks2-as-written')
    expectTypeOf(asWritten.on('stockUpdate')).toEqualTypeOf<
      Observable<SerializedSseItem<StockPriceEvent>>
    >()
    expectTypeOf<SerializedSseItem<StockPriceEvent>['data']>().toEqualTypeOf<StockPriceEvent>()
    // @ts-expect-error: the wrapped payload has no quote fields of its own
    expectTypeOf<SerializedSseItem<StockPriceEvent>['symbol']>()
  })
})
