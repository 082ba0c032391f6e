// A fixed-size ring buffer of the most recent events, keyed by consecutive integer ids, so a
// reconnecting client can be told exactly what it missed, or that it missed more than we kept.

import type { LogEvent } from '../log/types'

export interface BufferedEvent extends LogEvent {
  /** The id as a number: consecutive, one more than the event before. */
  readonly seq: number
  /** The event's `data:` (the quote's JSON), kept so the state file can be rewritten. */
  readonly data: string
}

export type ReplayResult =
  | { readonly kind: 'replay'; readonly events: readonly BufferedEvent[] }
  | { readonly kind: 'too-old'; readonly oldestId: number; readonly latestId: number }
  | { readonly kind: 'unknown'; readonly latestId: number }

export class ReplayBuffer {
  readonly #slots: (BufferedEvent | undefined)[]
  #next = 0
  #size = 0
  #floor: number

  /**
   * `floorId` is the id just before the first event this buffer will hold: 0 for a new feed, or
   * the last id a previous process evicted when it restores from a state file.
   */
  constructor(
    readonly capacity: number,
    floorId = 0,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`replay buffer capacity must be a positive integer, got ${capacity}`)
    }
    this.#slots = new Array<BufferedEvent | undefined>(capacity)
    this.#floor = floorId
  }

  get size(): number {
    return this.#size
  }

  /** Id of the newest event, or the floor before the first one. */
  get latestId(): number {
    return this.#at(this.#size - 1)?.seq ?? this.#floor
  }

  /** Id of the oldest event still held, or 0 while empty. */
  get oldestId(): number {
    return this.#at(0)?.seq ?? 0
  }

  /** The id just before the oldest event held: a client there has missed nothing we dropped. */
  get floorId(): number {
    return this.#floor
  }

  push(event: BufferedEvent): void {
    if (event.seq !== this.latestId + 1) {
      throw new RangeError(`event ids must be consecutive: ${event.seq} after ${this.latestId}`)
    }
    const evicted = this.#size === this.capacity ? this.#slots[this.#next] : undefined
    if (evicted !== undefined) this.#floor = evicted.seq
    this.#slots[this.#next] = event
    this.#next = (this.#next + 1) % this.capacity
    this.#size = Math.min(this.#size + 1, this.capacity)
  }

  /** Everything after `lastId`, oldest first, if we still hold all of it. */
  since(lastId: number): ReplayResult {
    const latestId = this.latestId
    if (lastId > latestId) return { kind: 'unknown', latestId }
    // Ids are consecutive, so the client missed nothing we dropped only if it is at the floor
    // or past it.
    if (lastId < this.#floor) return { kind: 'too-old', oldestId: this.#floor + 1, latestId }
    const events: BufferedEvent[] = []
    for (let i = lastId - this.#floor; i < this.#size; i++) {
      const event = this.#at(i)
      if (event !== undefined) events.push(event)
    }
    return { kind: 'replay', events }
  }

  /** Every event held, oldest first. */
  events(): BufferedEvent[] {
    const events: BufferedEvent[] = []
    for (let i = 0; i < this.#size; i++) {
      const event = this.#at(i)
      if (event !== undefined) events.push(event)
    }
    return events
  }

  #at(index: number): BufferedEvent | undefined {
    if (index < 0 || index >= this.#size) return undefined
    const start = (this.#next - this.#size + this.capacity) % this.capacity
    return this.#slots[(start + index) % this.capacity]
  }
}
