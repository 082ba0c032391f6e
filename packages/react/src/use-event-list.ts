import { useMemo } from 'react'
import { eventListStore } from '@rivulet/core'
import type { EventMap, EventStream, EventType } from '@rivulet/core'
import { constantStore, noSubscription, useStore } from './stores'
import type { ReadOptions } from './stores'

export interface UseEventListOptions extends ReadOptions {
  /** How many payloads to keep; the oldest drop off. Default 50. A new `max` starts over. */
  readonly max?: number
}

const NO_STREAM = constantStore<readonly never[]>([])

/**
 * The payloads of one event type, newest first, at most `max` (default 50): every event, also
 * those that arrive together and render once. The stream stays connected while the component
 * reads it; the list is the same array until an event arrives.
 *
 * ```tsx
 * const updates = useEventList(stocks, 'stockUpdate', { max: 50 })
 * ```
 */
export function useEventList<Events extends EventMap, K extends EventType<Events>>(
  stream: EventStream<Events> | null | undefined,
  type: K,
  options?: UseEventListOptions,
): readonly Events[K][] {
  const max = options?.max
  const store = useMemo(
    () => (stream ? eventListStore(stream, type, { max }) : NO_STREAM),
    [stream, type, max],
  )
  return useStore(store, options?.enabled === false ? noSubscription : undefined)
}
