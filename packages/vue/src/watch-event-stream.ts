import { createEventStream } from '@rivulet/core'
import type { AnyEventStream, EventStreamOptions } from '@rivulet/core'
import { getCurrentInstance, getCurrentScope, onMounted, onScopeDispose, toValue, watch } from 'vue'
import type { MaybeRefOrGetter, WatchStopHandle } from 'vue'

/** Options every composable that reads a stream takes. */
export interface ReadOptions {
  /**
   * `false` (or a ref or getter of it) stops this composable reading: it no longer keeps the
   * stream connected, and its refs keep what they had. Default `true`.
   */
  readonly enabled?: MaybeRefOrGetter<boolean>
}

/** A stream, or the URL of one the composable creates (and closes) itself, or none yet. */
export type Source<S> = MaybeRefOrGetter<S | string | URL | null | undefined>

/**
 * Starts following `stream` (`undefined`: none), reading its events when `reading`; returns the
 * function that stops.
 */
export type Follow<S> = (stream: S | undefined, reading: boolean) => () => void

// A URL is compared by its text, so a getter building a new URL object each time is stable.
const key = <S>(value: S | string | URL | null | undefined): S | string | undefined =>
  value instanceof URL ? value.href : (value ?? undefined)

/**
 * The lifecycle every composable shares: resolve the source, create the stream for a URL (with
 * `options`), call `follow`, and undo both when the source or `enabled` changes or the scope is
 * disposed. A stream passed in belongs to the caller and is never closed here. Returns a getter
 * of the current stream, for the controls a composable hands out.
 */
export function watchEventStream<S extends AnyEventStream>(
  source: Source<S>,
  options: ReadOptions | undefined,
  follow: Follow<S>,
): () => S | undefined {
  let current: S | undefined
  // A string target is a URL: the stream is this composable's own.
  let target: S | string | undefined
  let unfollow: (() => void) | undefined
  let stop: WatchStopHandle | undefined
  const release = () => {
    unfollow?.()
    if (typeof target === 'string') current?.close()
  }

  const start = () =>
    watch(
      [() => key(toValue(source)), () => toValue(options?.enabled) ?? true],
      ([next, reading]) => {
        if (next === target) unfollow?.()
        else {
          release()
          target = next
          // The overloads let only the composables that take stream options take a URL.
          current =
            typeof next === 'string'
              ? (createEventStream(next, options as EventStreamOptions) as unknown as S)
              : next
        }
        unfollow = follow(current, reading)
      },
      { immediate: true },
    )

  // Server rendering must never open a connection: it would outlive the request.
  if (typeof window !== 'undefined') {
    const scope = getCurrentScope()
    // Outside a component, or in one already mounted: at once.
    if (getCurrentInstance()?.isMounted !== false) {
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
        release()
        current = undefined
      })
    }
  }
  return () => current
}
