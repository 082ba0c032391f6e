// Every use of @rivulet/react in the app, in one file: the page's state from the stream.
//
// The board and the live list come from one reducer fed by two listeners rather than from
// useEventReducer or useEventList, which fold one event type each: a reset must land between the
// quotes it separates.

import { useEffect, useReducer, useSyncExternalStore } from 'react'
import type { EventStream, StreamStatus } from '@rivulet/core'
import { useEventStream, useEventStreamErrors, useEventStreamListener } from '@rivulet/react'
import {
  createClock,
  INITIAL_CONNECTION,
  INITIAL_TICKER,
  reduceConnection,
  reduceTicker,
} from '@rivulet/example-shared'
import type { ConnectionState, StockEvents, TickerState } from '@rivulet/example-shared'

type Stocks = EventStream<StockEvents>

/** Quotes and resets through one reducer, in the order they arrive; reading connects. */
export function useTicker(stream: Stocks): { ticker: TickerState; dismissReset: () => void } {
  const [ticker, dispatch] = useReducer(reduceTicker, INITIAL_TICKER)
  useEventStreamListener(stream, 'stockUpdate', (quote) =>
    dispatch({ type: 'quote', quote, at: Date.now() }),
  )
  useEventStreamListener(stream, 'reset', (reset) => dispatch({ type: 'reset', reset }))
  return { ticker, dismissReset: () => dispatch({ type: 'dismiss-reset' }) }
}

export interface Connection {
  readonly status: StreamStatus
  readonly history: ConnectionState
  readonly lastEventId: string
  /** `stream.reconnect()`. */
  readonly reconnect: () => void
}

/** The status, what the status alone cannot say (reconnections, the last error), the last id. */
export function useConnection(stream: Stocks): Connection {
  // Read on each quote and status change, as the stream has them then.
  const { status, lastEventId, reconnect } = useEventStream(stream, 'stockUpdate')
  const [history, dispatch] = useReducer(reduceConnection, INITIAL_CONNECTION)
  // Every transition counts, so the fold reads status$ itself: a render may skip one.
  useEffect(() => {
    const subscription = stream.status$.subscribe((next) =>
      dispatch({ type: 'status', status: next }),
    )
    return () => subscription.unsubscribe()
  }, [stream])
  useEventStreamErrors(stream, (error) => dispatch({ type: 'error', error }))
  return { status, history, lastEventId, reconnect }
}

const clock = createClock()

/** The time, every quarter second, for the countdown and the rate. */
export function useNow(): number {
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot, clock.getSnapshot)
}
