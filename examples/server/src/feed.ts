// The one shared quote feed: a single timer produces each quote once, serialises it once,
// keeps it for replay and hands the same frame to every connected client. A timer per
// client would drift apart and cost O(clients) timers; this costs one.

import { ReplayBuffer } from './replay-buffer'
import type { BufferedEvent, ReplayResult } from './replay-buffer'
import type { Quote, QuoteGenerator } from './quotes'
import { formatComment, formatEvent } from './sse-format'

export const STOCK_EVENT = 'stockUpdate'

export interface FeedSubscriber {
  event(event: BufferedEvent): void
  heartbeat(frame: string): void
}

export interface QuoteFeedOptions {
  readonly generate: QuoteGenerator
  /** Milliseconds between quotes; 0 means only `tick()` publishes. */
  readonly intervalMs: number
  /** Milliseconds between comment heartbeats; 0 turns them off. */
  readonly heartbeatMs: number
  readonly bufferSize: number
}

export class QuoteFeed {
  readonly buffer: ReplayBuffer
  readonly #options: QuoteFeedOptions
  readonly #subscribers = new Set<FeedSubscriber>()
  #timers: ReturnType<typeof setInterval>[] = []

  constructor(options: QuoteFeedOptions) {
    this.#options = options
    this.buffer = new ReplayBuffer(options.bufferSize)
  }

  get subscriberCount(): number {
    return this.#subscribers.size
  }

  start(): void {
    if (this.#timers.length > 0) return
    const { intervalMs, heartbeatMs } = this.#options
    if (intervalMs > 0) this.#timers.push(setInterval(() => this.tick(), intervalMs))
    if (heartbeatMs > 0) this.#timers.push(setInterval(() => this.heartbeat(), heartbeatMs))
  }

  stop(): void {
    for (const timer of this.#timers) clearInterval(timer)
    this.#timers = []
  }

  /** Publishes the next quote now, to every subscriber and the replay buffer. */
  tick(): Quote {
    const quote = this.#options.generate(this.buffer.latestId + 1)
    const id = String(quote.id)
    const frame = formatEvent({ event: STOCK_EVENT, data: JSON.stringify(quote), id })
    const event = { id: quote.id, frame }
    this.buffer.push(event)
    // Deleting from a Set while iterating it is well defined, so a subscriber may leave
    // (e.g. a drop-after fault) from inside its callback.
    for (const subscriber of this.#subscribers) subscriber.event(event)
    return quote
  }

  heartbeat(): void {
    const frame = formatComment('heartbeat')
    for (const subscriber of this.#subscribers) subscriber.heartbeat(frame)
  }

  /**
   * Attaches the subscriber to the live feed and replays what it missed since `lastEventId`,
   * in one synchronous step so no quote can slip in between (a gap) or arrive twice (a
   * duplicate). Without a `lastEventId` the subscriber starts with the next live quote.
   */
  subscribe(subscriber: FeedSubscriber, lastEventId?: number): ReplayResult | undefined {
    this.#subscribers.add(subscriber)
    if (lastEventId === undefined) return undefined
    const replay = this.buffer.since(lastEventId)
    if (replay.kind === 'replay') {
      for (const event of replay.events) {
        // A fault may end the connection part-way through the replay.
        if (!this.#subscribers.has(subscriber)) break
        subscriber.event(event)
      }
    }
    return replay
  }

  unsubscribe(subscriber: FeedSubscriber): void {
    this.#subscribers.delete(subscriber)
  }
}
