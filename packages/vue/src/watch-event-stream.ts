import { createEventStream } from '@rivulet/core'
import type { EventMap, EventStream, EventStreamOptions } from '@rivulet/core'
import { getCurrentInstance, getCurrentScope, onMounted, onScopeDispose, toValue, watch } from 'vue'
import type { MaybeRefOrGetter, WatchStopHandle } from 'vue'

/** A stream to read, or the URL of one the composable creates (and closes) itself. */
export type EventStreamSource<Events extends EventMap> = MaybeRefOrGetter<
  EventStream<Events> | string | URL
>

/** Starts reading a stream; returns the function that stops reading it. */
export type Connect<Events extends EventMap> = (stream: EventStream<Events>) => () => void

function isEventStream<Events extends EventMap>(
  value: EventStream<Events> | string | URL,
): value is EventStream<Events> {
  return typeof value === 'object' && !(value instanceof URL)
}

// Server rendering must never open a connection: it would outlive the request.
const isServer = () => typeof window === 'undefined'

/**
 * The lifecycle every composable shares: resolve the source, create the stream for a URL, call
 * `connect`, and undo both when the source changes or the scope is disposed. A stream passed in
 * belongs to the caller and is never closed here.
 */
export function watchEventStream<Events extends EventMap>(
  source: EventStreamSource<Events>,
  options: EventStreamOptions<Events> | undefined,
  connect: Connect<Events>,
): void {
  if (isServer()) return
  let release: (() => void) | undefined
  let stop: WatchStopHandle | undefined

  const start = () =>
    watch(
      () => {
        const value = toValue(source)
        // A URL is compared by its text, so a getter building a new URL object each time is stable.
        return isEventStream(value) ? value : String(value)
      },
      (target) => {
        release?.()
        const owned = typeof target === 'string'
        const stream = owned ? createEventStream<Events>(target, options) : target
        const disconnect = connect(stream)
        release = () => {
          disconnect()
          if (owned) stream.close()
        }
      },
      { immediate: true },
    )

  const scope = getCurrentScope()
  const instance = getCurrentInstance()
  if (instance === null || instance.isMounted) {
    stop = start()
  } else {
    // Inside a component, connect once it has mounted: the first client render then equals the
    // server's (no hydration mismatch), and Vue never runs onMounted while rendering on the
    // server. The watcher still belongs to the caller's scope, which may be a store's.
    onMounted(() => {
      if (scope === undefined) stop = start()
      else if (scope.active) stop = scope.run(start)
    })
  }

  if (scope !== undefined) {
    onScopeDispose(() => {
      stop?.()
      release?.()
      release = undefined
    })
  }
}
