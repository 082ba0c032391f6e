import { useEffect, useMemo, useRef, useState } from 'react'
import { createEventStream } from '@rivulet/core'
import type { EventMap, EventStream, EventStreamOptions } from '@rivulet/core'

/**
 * How long, in ms, a stream created by `useCreateEventStream` keeps its connection after the last
 * component stops reading it, unless `options.keepAlive` says otherwise. StrictMode unsubscribes
 * and resubscribes every effect once on mount, and a child that remounts (a new `key`, a route
 * change) does the same: within this time they find the connection still open.
 */
const DEFAULT_KEEP_ALIVE = 1000

/**
 * Creates a stream owned by the component: the same stream on every render, a new one when the
 * URL changes (the old one is closed), closed for good when the component unmounts. Pass it to
 * the reading hooks here or in children; it connects only while one of them reads it. A `null`
 * URL (not known yet: no token, no selection) creates nothing and returns `undefined`, which the
 * reading hooks accept.
 *
 * `options` are read when the stream is created, i.e. on mount and on a URL change. Functions in
 * them (`headers`, `body`) are called on every connection attempt, so they can read a ref.
 *
 * ```tsx
 * const stocks = useCreateEventStream<{ stockUpdate: StockPriceEvent }>(url)
 * const { data } = useEventStream(stocks, 'stockUpdate')
 * ```
 */
export function useCreateEventStream<Events extends EventMap = Record<string, unknown>>(
  url: string | URL,
  options?: EventStreamOptions<Events>,
): EventStream<Events>
export function useCreateEventStream<Events extends EventMap = Record<string, unknown>>(
  url: string | URL | null | undefined,
  options?: EventStreamOptions<Events>,
): EventStream<Events> | undefined
export function useCreateEventStream<Events extends EventMap>(
  url: string | URL | null | undefined,
  options?: EventStreamOptions<Events>,
): EventStream<Events> | undefined {
  const href = url == null ? undefined : String(url)
  // Bumped to replace a stream this hook closed but React shows again (an <Activity> hidden then
  // shown runs the effect's cleanup, then its setup, with the same stream).
  const [generation, setGeneration] = useState(0)
  // Created during render, which is safe because a stream is lazy: one React renders and then
  // discards (StrictMode, an interrupted render, the server) opens nothing and needs no close.
  const stream = useMemo(
    () =>
      href === undefined
        ? undefined
        : createEventStream<Events>(href, {
            ...options,
            keepAlive: options?.keepAlive ?? DEFAULT_KEEP_ALIVE,
          }),
    // Not `options`: an inline object is new on every render, and it is read on creation only.
    // `generation` is a dependency only to create a fresh stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [href, generation],
  )
  const pendingClose = useRef<{ stream: EventStream<Events>; cancel: () => void } | undefined>(
    undefined,
  )
  const closedHere = useRef<EventStream<Events> | undefined>(undefined)

  useEffect(() => {
    if (stream === undefined) return
    if (closedHere.current === stream) {
      setGeneration((n) => n + 1)
      return
    }
    // StrictMode's simulated unmount runs the cleanup and this setup again in the same task, so
    // the close it scheduled has not happened yet: keep the stream.
    if (pendingClose.current?.stream === stream) pendingClose.current.cancel()
    pendingClose.current = undefined
    return () => {
      let cancelled = false
      pendingClose.current = { stream, cancel: () => (cancelled = true) }
      queueMicrotask(() => {
        if (cancelled) return
        closedHere.current = stream
        stream.close()
      })
    }
  }, [stream])

  return stream
}
