// The subscribers of one process and their shared heartbeat: every event is formatted once and
// the same frame goes to each of them. A timer per client would drift apart and cost O(clients)
// timers; this costs one.

import { formatComment } from '../sse-format'
import type { LogEvent, LogSubscriber } from './types'

export class Hub {
  readonly #subscribers = new Set<LogSubscriber>()
  readonly #heartbeatMs: number
  #timer: ReturnType<typeof setInterval> | undefined

  /** `heartbeatMs` 0 turns heartbeats off. */
  constructor(heartbeatMs: number) {
    this.#heartbeatMs = heartbeatMs
  }

  get size(): number {
    return this.#subscribers.size
  }

  add(subscriber: LogSubscriber): void {
    this.#subscribers.add(subscriber)
  }

  has(subscriber: LogSubscriber): boolean {
    return this.#subscribers.has(subscriber)
  }

  delete(subscriber: LogSubscriber): void {
    this.#subscribers.delete(subscriber)
  }

  broadcast(event: LogEvent): void {
    // Deleting from a Set while iterating it is well defined, so a subscriber may leave (e.g. a
    // drop-after fault) from inside its callback.
    for (const subscriber of this.#subscribers) subscriber.event(event)
  }

  heartbeat(): void {
    const frame = formatComment('heartbeat')
    for (const subscriber of this.#subscribers) subscriber.heartbeat(frame)
  }

  start(): void {
    if (this.#timer !== undefined || this.#heartbeatMs <= 0) return
    this.#timer = setInterval(() => this.heartbeat(), this.#heartbeatMs)
  }

  stop(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }
}
