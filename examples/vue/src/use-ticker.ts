// Every use of @rivulet/vue in the app, in one file: the page's state from the stream.
//
// The composables the bindings are gaining (useEventStreamErrors, a lastEventId ref from
// useEventStream) are not in @rivulet/vue yet; the two marked below stand in for them with the
// same shape, so switching is a change to this file only.

import type { EventStream, StreamError } from '@rivulet/core'
import { useEventStream, useEventStreamListener, useEventStreamStatus } from '@rivulet/vue'
import {
  createClock,
  INITIAL_CONNECTION,
  INITIAL_TICKER,
  reduceConnection,
  reduceTicker,
} from '@rivulet/example-shared'
import type { StockEvents, TickerAction } from '@rivulet/example-shared'
import { computed, onScopeDispose, shallowRef } from 'vue'

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
  const status = useEventStreamStatus(stream)
  const history = shallowRef(INITIAL_CONNECTION)
  // Every transition counts, so the fold reads status$ itself.
  const subscription = stream.status$.subscribe((next) => {
    history.value = reduceConnection(history.value, { type: 'status', status: next })
  })
  onScopeDispose(() => subscription.unsubscribe())
  useEventStreamErrors(stream, (error) => {
    history.value = reduceConnection(history.value, { type: 'error', error })
  })
  return { status, history, lastEventId: useLastEventId(stream) }
}

const clock = createClock()

/** The time, every quarter second, for the countdown and the rate. */
export function useNow() {
  const now = shallowRef(clock.getSnapshot())
  onScopeDispose(clock.subscribe(() => (now.value = clock.getSnapshot())))
  return now
}

/** Stands in for @rivulet/vue's `useEventStreamErrors(stream, listener)` (same signature). */
function useEventStreamErrors(stream: Stocks, listener: (error: StreamError) => void): void {
  const subscription = stream.errors$.subscribe(listener)
  onScopeDispose(() => subscription.unsubscribe())
}

/** Stands in for the `lastEventId` ref of @rivulet/vue's `useEventStream(stream, 'stockUpdate')`. */
function useLastEventId(stream: Stocks) {
  const { data, status } = useEventStream(stream, 'stockUpdate')
  return computed(() => {
    // Read again after each quote and status change, as the stream has it then.
    void data.value
    void status.value
    return stream.lastEventId
  })
}
