// Publishes a quote into the in-memory log on one timer (or on `tick()`, for exact tests).

import type { Quote, QuoteGenerator } from '../quotes'
import type { MemoryLog } from './memory-log'

export class MemoryProducer {
  readonly #log: MemoryLog
  readonly #generate: QuoteGenerator
  readonly #intervalMs: number
  #timer: ReturnType<typeof setInterval> | undefined

  /** `intervalMs` 0 means only `tick()` publishes. */
  constructor(log: MemoryLog, generate: QuoteGenerator, intervalMs: number) {
    this.#log = log
    this.#generate = generate
    this.#intervalMs = intervalMs
  }

  /** Publishes the next quote now, to every subscriber and the replay buffer. */
  tick(): Quote {
    const quote = this.#generate(this.#log.buffer.latestId + 1)
    this.#log.append(quote)
    return quote
  }

  start(): void {
    if (this.#timer !== undefined || this.#intervalMs <= 0) return
    this.#timer = setInterval(() => this.tick(), this.#intervalMs)
  }

  stop(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }
}
