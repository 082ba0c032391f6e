import { merge } from 'rxjs'
import type { StreamError } from '../errors'
import type { EventMap, EventStream, EventType, StreamStatus } from './types'

/**
 * What a UI binding reads from a stream: a snapshot it can render, and a way to hear that the
 * snapshot changed. React's `useSyncExternalStore` takes exactly this shape; Vue copies the
 * snapshot into refs. Bindings hold no protocol logic: everything here derives from the stream.
 */
export interface Store<T> {
  /** Calls `onChange` when the snapshot may have changed; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void
  /** The current snapshot: the same object until one of its fields changes. */
  getSnapshot(): T
  /** The snapshot before anything connected, e.g. for server-side rendering. Always the same. */
  getInitialSnapshot(): T
}

/** What a component shows of a stream: the latest payload of one type, and the connection. */
export interface EventStreamSnapshot<T> {
  /** The latest payload of the event type, or `undefined` before the first. */
  readonly data: T | undefined
  readonly status: StreamStatus
  /** The error behind a `reconnecting` or `closed` status, if any. */
  readonly error: StreamError | undefined
}

const IDLE: StreamStatus = Object.freeze({ state: 'idle' })

const INITIAL: EventStreamSnapshot<never> = Object.freeze({
  data: undefined,
  status: IDLE,
  error: undefined,
})

/**
 * A store over one event type of a stream. Subscribing to the store subscribes to that type,
 * so the stream connects (sharing its one connection) while any component shows it, and
 * disconnects when the last one leaves.
 *
 * ```ts
 * const store = eventStreamStore(stocks, 'stockUpdate')
 * const { data, status } = useSyncExternalStore(store.subscribe, store.getSnapshot)
 * ```
 */
export function eventStreamStore<Events extends EventMap, K extends EventType<Events>>(
  stream: EventStream<Events>,
  type: K,
): Store<EventStreamSnapshot<Events[K]>> {
  let snapshot: EventStreamSnapshot<Events[K]> = INITIAL

  function getSnapshot(): EventStreamSnapshot<Events[K]> {
    // Derived on read, so a change between a render and its subscription is never missed.
    const data = stream.latest(type)
    const status = stream.status
    if (data !== snapshot.data || status !== snapshot.status) {
      const error =
        status.state === 'reconnecting' || status.state === 'closed' ? status.error : undefined
      snapshot = { data, status, error }
    }
    return snapshot
  }

  return {
    subscribe(onChange) {
      // status$ emits the current status at once, which also reports a change made before now.
      const subscription = merge(stream.status$, stream.on(type)).subscribe({
        next: () => onChange(),
        complete: () => onChange(),
      })
      return () => subscription.unsubscribe()
    },
    getSnapshot,
    getInitialSnapshot: () => INITIAL,
  }
}

/**
 * A store over a stream's status alone. Subscribing never connects: a badge can show the state
 * of a connection that other components open. The snapshot is the stream's own status object,
 * which changes identity only when the status changes.
 */
export function eventStreamStatusStore<Events extends EventMap>(
  stream: EventStream<Events>,
): Store<StreamStatus> {
  return {
    subscribe(onChange) {
      const subscription = stream.status$.subscribe({
        next: () => onChange(),
        complete: () => onChange(),
      })
      return () => subscription.unsubscribe()
    },
    getSnapshot: () => stream.status,
    getInitialSnapshot: () => IDLE,
  }
}
