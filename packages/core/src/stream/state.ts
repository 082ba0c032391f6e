import { BehaviorSubject, Subject } from 'rxjs'
import type { ConnectionError, StreamError } from '../errors'
import type { CloseReason, PauseReason, StreamStatus } from './types'

export const IDLE: StreamStatus = Object.freeze({ state: 'idle' })

/**
 * The one owner of a stream's state: its status, its last event ID and the latest payload of each
 * type. Nothing else writes them: the connection reports what happened through these methods and
 * everything else reads. "Closed" is read from the status, never kept beside it.
 */
export function streamState(initialLastEventId: string) {
  const status = new BehaviorSubject<StreamStatus>(IDLE)
  const errors = new Subject<StreamError>()
  // The latest payload of each type, in a box per type; the box of the last type is kept at hand,
  // as a run of events of one type is the common case and a Map lookup per event shows in profiles.
  const latest = new Map<string, { value: unknown }>()
  let lastType: string | undefined
  let lastBox: { value: unknown } = { value: undefined }
  let lastEventId = initialLastEventId
  const set = (next: StreamStatus) => status.next(next)

  return {
    status$: status.asObservable(),
    errors$: errors.asObservable(),
    get status(): StreamStatus {
      return status.value
    },
    get closed(): boolean {
      return status.value.state === 'closed'
    },
    get lastEventId(): string {
      return lastEventId
    },
    latest: (type: string): unknown => latest.get(type)?.value,

    /** An event arrived: its payload is the latest of its type, its id the stream's. */
    received(type: string, data: unknown, id: string): void {
      if (type !== lastType) {
        lastType = type
        let box = latest.get(type)
        if (box === undefined) latest.set(type, (box = { value: undefined }))
        lastBox = box
      }
      lastBox.value = data
      lastEventId = id
    },
    /** A block without data moved the last event ID. */
    movedTo(id: string): void {
      lastEventId = id
    },
    reported: (error: StreamError) => errors.next(error),
    idle: () => set(IDLE),
    connecting: (attempt: number) => set({ state: 'connecting', attempt }),
    open: () => set({ state: 'open' }),
    reconnecting: (attempt: number, delay: number | undefined, error?: ConnectionError) =>
      set({
        state: 'reconnecting',
        attempt,
        delay,
        retryAt: delay === undefined ? undefined : Date.now() + delay,
        error,
        resumable: lastEventId !== '',
      }),
    paused: (reason: PauseReason) => set({ state: 'paused', reason }),
    /** Another tab holds the connection (`share: acrossTabs()`): its status is this stream's too. */
    adopt: (leaders: StreamStatus) => set(leaders),
    close: (reason: CloseReason, error?: StreamError) => set({ state: 'closed', reason, error }),
  }
}

export type StateOwner = ReturnType<typeof streamState>
