// What a stream needs from wherever the events live: the in-memory buffer of one process, or a
// Redis stream shared by many. Ids are strings here because each backend has its own kind
// (consecutive integers in memory, `<ms>-<seq>` entry ids in Redis); only the backend reads them.

import type { ResumePoint } from '../last-event-id'

/** One event as it goes on the wire: its SSE id and its complete frame, formatted once. */
export interface LogEvent {
  readonly id: string
  readonly frame: string
}

/** Why a resume point cannot be replayed, and where "now" is. */
export interface ResetInfo {
  readonly reason: 'too-old' | 'unknown'
  /** The oldest event still held, when the resume point is older than it. */
  readonly oldestId?: number | string
  /** The newest event, as the backend writes its ids (a number in memory, a string in Redis). */
  readonly latestId: number | string
  /** The reset event's own SSE id: "now", so the next reconnect resumes instead of resetting. */
  readonly id: string
}

export interface LogSubscriber {
  event(event: LogEvent): void
  heartbeat(frame: string): void
  /** Called once instead of a replay, before any live event. */
  reset(info: ResetInfo): void
}

export interface EventLog {
  readonly backend: 'memory' | 'redis'
  /** Whether a join can succeed now (Redis: both connections are up). */
  readonly available: boolean
  /** The id of the newest event this process has delivered ("0" before the first). */
  readonly latestId: string
  readonly subscriberCount: number
  /**
   * Replays what came after the resume point (or signals a reset), then attaches the subscriber
   * to the live feed, with no gap and no duplicate between the two. Synchronous in memory; in
   * Redis the promise rejects if the backend fails, with the subscriber already detached.
   */
  join(subscriber: LogSubscriber, resume: ResumePoint): void | Promise<void>
  leave(subscriber: LogSubscriber): void
  /** Starts the heartbeat (and, in Redis, connects and starts reading). */
  start(): Promise<void>
  /** Stops delivering; the events themselves are kept for the next start. */
  stop(): Promise<void>
}
