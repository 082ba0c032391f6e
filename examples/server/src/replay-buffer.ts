// A fixed-size ring buffer of the most recent events, keyed by monotonically increasing
// integer ids, so a reconnecting client can be told exactly what it missed, or that it
// missed more than we kept.

export interface BufferedEvent {
  readonly id: number
  readonly frame: string
}

export type ReplayResult =
  | { readonly kind: 'replay'; readonly events: readonly BufferedEvent[] }
  | { readonly kind: 'too-old'; readonly oldestId: number; readonly latestId: number }
  | { readonly kind: 'unknown'; readonly latestId: number }

export class ReplayBuffer {
  readonly #slots: (BufferedEvent | undefined)[]
  #next = 0
  #size = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`replay buffer capacity must be a positive integer, got ${capacity}`)
    }
    this.#slots = new Array<BufferedEvent | undefined>(capacity)
  }

  get size(): number {
    return this.#size
  }

  /** Id of the newest event, or 0 before the first one. */
  get latestId(): number {
    return this.#at(this.#size - 1)?.id ?? 0
  }

  /** Id of the oldest event still held, or 0 while empty. */
  get oldestId(): number {
    return this.#at(0)?.id ?? 0
  }

  push(event: BufferedEvent): void {
    if (event.id <= this.latestId) {
      throw new RangeError(`event ids must increase: ${event.id} after ${this.latestId}`)
    }
    this.#slots[this.#next] = event
    this.#next = (this.#next + 1) % this.capacity
    this.#size = Math.min(this.#size + 1, this.capacity)
  }

  /** Everything after `lastId`, oldest first, if we still hold all of it. */
  since(lastId: number): ReplayResult {
    const latestId = this.latestId
    if (lastId > latestId) return { kind: 'unknown', latestId }
    // Ids are consecutive, so the client missed nothing we dropped only if the event right
    // after its last one is still here (or nothing has been dropped yet).
    const oldestId = this.oldestId
    if (this.#size > 0 && lastId < oldestId - 1) return { kind: 'too-old', oldestId, latestId }
    const events: BufferedEvent[] = []
    for (let i = 0; i < this.#size; i++) {
      const event = this.#at(i)
      if (event !== undefined && event.id > lastId) events.push(event)
    }
    return { kind: 'replay', events }
  }

  #at(index: number): BufferedEvent | undefined {
    if (index < 0 || index >= this.#size) return undefined
    const start = (this.#next - this.#size + this.capacity) % this.capacity
    return this.#slots[(start + index) % this.capacity]
  }
}
