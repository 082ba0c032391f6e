// Every use of @rivulet/react in the app, in one file: the page's state from the stream.
//
// The hooks the bindings are gaining (useEventStreamErrors, lastEventId from useEventStream)
// are not in @rivulet/react yet; the two marked below stand in for them with the same shape,
// so switching is a change to this file only.

import { useEffect, useReducer, useRef, useSyncExternalStore } from 'react'
import type { EventStream, StreamError, StreamStatus } from '@rivulet/core'
import { useEventStream, useEventStreamListener, useEventStreamStatus } from '@rivulet/react'
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
}

/** The status, what the status alone cannot say (reconnections, the last error), the last id. */
export function useConnection(stream: Stocks): Connection {
  const status = useEventStreamStatus(stream)
  const [history, dispatch] = useReducer(reduceConnection, INITIAL_CONNECTION)
  // Every transition counts, so the fold reads status$ itself: a render may skip one.
  useEffect(() => {
    const subscription = stream.status$.subscribe((next) =>
      dispatch({ type: 'status', status: next }),
    )
    return () => subscription.unsubscribe()
  }, [stream])
  useEventStreamErrors(stream, (error) => dispatch({ type: 'error', error }))
  return { status, history, lastEventId: useLastEventId(stream) }
}

const clock = createClock()

/** The time, every quarter second, for the countdown and the rate. */
export function useNow(): number {
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot, clock.getSnapshot)
}

/** Stands in for @rivulet/react's `useEventStreamErrors(stream, listener)` (same signature). */
function useEventStreamErrors(stream: Stocks, listener: (error: StreamError) => void): void {
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => {
    const subscription = stream.errors$.subscribe((error) => latest.current(error))
    return () => subscription.unsubscribe()
  }, [stream])
}

/** Stands in for `useEventStream(stream, 'stockUpdate').lastEventId` of @rivulet/react. */
function useLastEventId(stream: Stocks): string {
  // Re-renders on each quote and status change; the id is read as the stream has it then.
  useEventStream(stream, 'stockUpdate')
  return stream.lastEventId
}
