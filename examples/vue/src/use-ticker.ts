// Every use of @rivulet/vue in the app, in one file: the page's state from the stream.
//
// The board and the live list come from one reducer fed by two listeners rather than from
// useEventReducer or useEventList, which fold one event type each: a reset must land between the
// quotes it separates.

import type { EventStream } from '@rivulet/core'
import { useEventStream, useEventStreamErrors, useEventStreamListener } from '@rivulet/vue'
import {
  createClock,
  INITIAL_CONNECTION,
  INITIAL_TICKER,
  reduceConnection,
  reduceTicker,
} from '@rivulet/example-shared'
import type { StockEvents, TickerAction } from '@rivulet/example-shared'
import { onScopeDispose, shallowRef } from 'vue'

type Stocks = EventStream<StockEvents>

/** Quotes and resets through one reducer, in the order they arrive; reading connects. */
export function useTicker(stream: Stocks) {
  const ticker = shallowRef(INITIAL_TICKER)
  const dispatch = (action: TickerAction) => (ticker.value = reduceTicker(ticker.value, action))
  useEventStreamListener(stream, 'stockUpdate', (quote) =>
    dispatch({ type: 'quote', quote, at: Date.now() }),
  )
  useEventStreamListener(stream, 'reset', (reset) => dispatch({ type: 'reset', reset }))
  return { ticker, dismissReset: () => dispatch({ type: 'dismiss-reset' }) }
}

/** The status, what the status alone cannot say (reconnections, the last error), the last id. */
export function useConnection(stream: Stocks) {
  // Refs the stream writes on each quote and status change.
  const { status, lastEventId, reconnect } = useEventStream(stream, 'stockUpdate')
  const history = shallowRef(INITIAL_CONNECTION)
  // Every transition counts, so the fold reads status$ itself.
  const subscription = stream.status$.subscribe((next) => {
    history.value = reduceConnection(history.value, { type: 'status', status: next })
  })
  onScopeDispose(() => subscription.unsubscribe())
  useEventStreamErrors(stream, (error) => {
    history.value = reduceConnection(history.value, { type: 'error', error })
  })
  return { status, history, lastEventId, reconnect }
}

const clock = createClock()

/** The time, every quarter second, for the countdown and the rate. */
export function useNow() {
  const now = shallowRef(clock.getSnapshot())
  onScopeDispose(clock.subscribe(() => (now.value = clock.getSnapshot())))
  return now
}
