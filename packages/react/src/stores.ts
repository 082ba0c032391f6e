import { useInsertionEffect, useRef, useSyncExternalStore } from 'react'
import type { RefObject } from 'react'
import type { Store } from '@rivulet/core'

/** Options every reading hook takes. */
export interface ReadOptions {
  /**
   * `false` stops this hook reading: it no longer keeps the stream connected (the connection
   * closes when no other reader is left), and shows what it had. Default `true`.
   */
  readonly enabled?: boolean
}

export const noSubscription = (): (() => void) => () => {}

/** A store with no stream behind it: what a hook given `null` shows. */
export const constantStore = <T>(value: T): Store<T> => ({
  subscribe: noSubscription,
  getSnapshot: () => value,
  getInitialSnapshot: () => value,
})

/** The one `useSyncExternalStore` of a reading hook; `subscribe` picks what re-renders it. */
export const useStore = <T>(store: Store<T>, subscribe = store.subscribe): T =>
  useSyncExternalStore(subscribe, store.getSnapshot, store.getInitialSnapshot)

/**
 * A ref holding the latest `value`, so a callback can change on every render without
 * resubscribing. An insertion effect runs before any other effect of the commit (so before an
 * event can reach the new subscription) and, unlike a layout effect, says nothing on the server.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const latest = useRef(value)
  useInsertionEffect(() => {
    latest.current = value
  })
  return latest
}
