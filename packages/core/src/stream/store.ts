import type { Subscription } from 'rxjs'
import type { StreamError } from '../errors'
import { IDLE } from './state'
import type { AnyEventStream, EventMap, EventStream, EventType, StreamStatus } from './types'

/**
 * What a UI binding reads from a stream: a snapshot it can render, and a way to hear that the
 * snapshot changed. React's `useSyncExternalStore` takes exactly this shape; Vue copies the
 * snapshot into refs; Svelte, Solid or Lit can wrap it the same way. Bindings hold no protocol
 * logic: everything here derives from the stream.
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

const INITIAL: EventStreamSnapshot<never> = Object.freeze({
  data: undefined,
  status: IDLE,
  error: undefined,
})

/**
 * Reads one event type for as long as `onChange` listens: calls `onData` for every payload and
 * `onChange` after it and after every status change. A stream that closes completes its
 * subscribers; when it is restarted, reading starts again, so a component keeps showing it.
 */
function follow<Events extends EventMap, K extends EventType<Events>>(
  stream: EventStream<Events>,
  type: K,
  onData: (data: Events[K]) => void,
  onChange: () => void,
): () => void {
  let events: Subscription | undefined
  // Set before subscribing: connecting emits a status, which comes back here re-entrantly.
  let reading = false
  const read = () => {
    reading = true
    events = stream.on(type).subscribe({
      next: (data) => {
        onData(data)
        onChange()
      },
      complete: () => {
        reading = false
        onChange()
      },
    })
  }
  // status$ emits the current status at once, which also reports a change made before now.
  const status = stream.status$.subscribe((current) => {
    if (current.state !== 'closed' && !reading) read()
    onChange()
  })
  return () => {
    status.unsubscribe()
    events?.unsubscribe()
  }
}

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
  return {
    subscribe: (onChange) => follow(stream, type, () => {}, onChange),
    getSnapshot() {
      // Derived on read, so a change between a render and its subscription is never missed.
      const data = stream.latest(type)
      const status = stream.status
      if (data !== snapshot.data || status !== snapshot.status) {
        const error =
          status.state === 'reconnecting' || status.state === 'closed' ? status.error : undefined
        snapshot = { data, status, error }
      }
      return snapshot
    },
    getInitialSnapshot: () => INITIAL,
  }
}

/**
 * A store that folds every payload of one type into a value: `reducer(value, payload)` runs once
 * per event, also for events that arrive together in one chunk (a UI that renders only the latest
 * payload would miss all but the last). Subscribing connects, as with `eventStreamStore`; the
 * value is kept while nobody listens, and across a restart of the stream.
 *
 * ```ts
 * const count = eventReducerStore(stocks, 'stockUpdate', (n: number) => n + 1, 0)
 * ```
 */
export function eventReducerStore<Events extends EventMap, K extends EventType<Events>, S>(
  stream: EventStream<Events>,
  type: K,
  reducer: (state: S, data: Events[K]) => S,
  initial: S,
): Store<S> {
  let state = initial
  // One reading of the stream for all the store's listeners, so each event is folded once.
  const listeners = new Set<() => void>()
  let stop: (() => void) | undefined
  const changed = () => {
    for (const listener of [...listeners]) listener()
  }
  return {
    subscribe(onChange) {
      listeners.add(onChange)
      stop ??= follow(stream, type, (data) => (state = reducer(state, data)), changed)
      return () => {
        listeners.delete(onChange)
        if (listeners.size > 0) return
        stop?.()
        stop = undefined
      }
    },
    getSnapshot: () => state,
    getInitialSnapshot: () => initial,
  }
}

/**
 * The payloads of one type, newest first, at most `max` (default 50): a live feed. `max` must be
 * a whole number from 1: a list that could grow without end is not a feed.
 */
export function eventListStore<Events extends EventMap, K extends EventType<Events>>(
  stream: EventStream<Events>,
  type: K,
  options: { readonly max?: number } = {},
): Store<readonly Events[K][]> {
  const max = options.max ?? 50
  if (!Number.isSafeInteger(max) || max < 1)
    throw new RangeError(`max must be a whole number from 1, got ${max}`)
  return eventReducerStore(
    stream,
    type,
    (list: readonly Events[K][], data) => [data, ...list.slice(0, max - 1)],
    [],
  )
}

/**
 * A store over a stream's status alone. Subscribing never connects: a badge can show the state
 * of a connection that other components open. The snapshot is the stream's own status object,
 * which changes identity only when the status changes.
 */
export function eventStreamStatusStore(stream: AnyEventStream): Store<StreamStatus> {
  return {
    subscribe(onChange) {
      const subscription = stream.status$.subscribe(() => onChange())
      return () => subscription.unsubscribe()
    },
    getSnapshot: () => stream.status,
    getInitialSnapshot: () => IDLE,
  }
}
