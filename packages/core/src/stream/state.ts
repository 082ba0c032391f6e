import { BehaviorSubject, Subject } from 'rxjs'
import type { ConnectionError, StreamError } from '../errors'
import type { CloseReason, PauseReason, StreamStatus } from './types'

export const IDLE: StreamStatus = Object.freeze({ state: 'idle' })

/**
 * The one owner of a stream's state: its status and its last event ID (the latest payload of
 * each type is the hub's). Nothing else writes them: the connection and delivery report what
 * happened through these methods and everything else reads. "Closed" is read from the status,
 * never kept beside it.
 */
export function streamState(initialLastEventId: string) {
  const status = new BehaviorSubject<StreamStatus>(IDLE)
  const errors = new Subject<StreamError>()
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
    /** An event arrived, or a block without data moved the last event ID. */
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
