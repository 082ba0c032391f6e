// Where quotes come from and where they are kept: the embedded in-memory default, or Redis
// Streams shared by several instances. The HTTP layer sees only this.

import type { EventLog } from './log/types'
import type { Quote } from './quotes'

export interface Backend {
  readonly log: EventLog
  /** Whether this instance publishes quotes now (in Redis, the holder of the producer lease). */
  readonly isProducer: boolean
  /** Starts delivering (and, if elected, producing). */
  start(): Promise<void>
  /** Stops producing and delivering; the log's events stay for the next start. */
  stop(): Promise<void>
  /** Publishes the next quote now, if this instance is the producer. */
  publish(): Promise<Quote | undefined>
  /** Backend fields for `GET /control`. */
  status(): Record<string, unknown>
  /** Releases files and connections for good. */
  dispose(): Promise<void>
}
