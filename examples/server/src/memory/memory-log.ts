// The embedded event log: one process's ring buffer, optionally journalled to a state file so a
// restart keeps the ids and the replay buffer. Joining is one synchronous step (replay, then
// attach), so no quote can slip in between (a gap) or arrive twice (a duplicate).

import { STOCK_EVENT } from '../feed-event'
import { Hub } from '../log/hub'
import type { EventLog, LogSubscriber } from '../log/types'
import type { ResumePoint } from '../last-event-id'
import type { Quote } from '../quotes'
import { formatEvent } from '../sse-format'
import { ReplayBuffer } from './replay-buffer'
import type { BufferedEvent } from './replay-buffer'
import type { RestoredState, StateFile } from './state-file'

export interface MemoryLogOptions {
  readonly bufferSize: number
  readonly heartbeatMs: number
  /** The journal to append to, and what it held at start. */
  readonly state?: { readonly file: StateFile; readonly restored: RestoredState }
}

export class MemoryLog implements EventLog {
  readonly backend = 'memory'
  readonly available = true
  readonly buffer: ReplayBuffer
  readonly #hub: Hub
  readonly #file: StateFile | undefined

  constructor(options: MemoryLogOptions) {
    const restored = options.state?.restored
    this.buffer = new ReplayBuffer(options.bufferSize, restored?.floorId ?? 0)
    for (const { quote, data } of restored?.quotes ?? []) this.buffer.push(toEvent(quote.id, data))
    this.#hub = new Hub(options.heartbeatMs)
    this.#file = options.state?.file
  }

  get latestId(): string {
    return String(this.buffer.latestId)
  }

  get subscriberCount(): number {
    return this.#hub.size
  }

  /** Keeps the quote (journal first, then buffer) and sends it to every subscriber. */
  append(quote: Quote): BufferedEvent {
    const event = toEvent(quote.id, JSON.stringify(quote))
    if (event.seq !== this.buffer.latestId + 1) {
      throw new RangeError(`quote ids must be consecutive: ${event.seq} after ${this.latestId}`)
    }
    this.#file?.append(event.data)
    this.buffer.push(event)
    if (this.#file?.needsCompaction) this.#file.compact(this.buffer.floorId, this.#kept())
    this.#hub.broadcast(event)
    return event
  }

  join(subscriber: LogSubscriber, resume: ResumePoint): void {
    this.#hub.add(subscriber)
    if (resume.kind === 'none') return
    const latestId = this.buffer.latestId
    const lastId = /^\d+$/.test(resume.raw) ? Number(resume.raw) : NaN
    if (!Number.isSafeInteger(lastId)) {
      return subscriber.reset({ reason: 'unknown', latestId, id: String(latestId) })
    }
    const replay = this.buffer.since(lastId)
    if (replay.kind === 'too-old') {
      const { oldestId } = replay
      return subscriber.reset({ reason: 'too-old', oldestId, latestId, id: String(latestId) })
    }
    if (replay.kind === 'unknown') {
      return subscriber.reset({ reason: 'unknown', latestId, id: String(latestId) })
    }
    for (const event of replay.events) {
      // A fault may end the connection part-way through the replay.
      if (!this.#hub.has(subscriber)) break
      subscriber.event(event)
    }
  }

  leave(subscriber: LogSubscriber): void {
    this.#hub.delete(subscriber)
  }

  heartbeat(): void {
    this.#hub.heartbeat()
  }

  async start(): Promise<void> {
    this.#hub.start()
  }

  async stop(): Promise<void> {
    this.#hub.stop()
  }

  /** Writes the state file one last time (exactly the buffer) and closes it. */
  dispose(): void {
    this.#hub.stop()
    this.#file?.close(this.buffer.floorId, this.#kept())
  }

  #kept(): string[] {
    return this.buffer.events().map((event) => event.data)
  }
}

function toEvent(seq: number, data: string): BufferedEvent {
  const id = String(seq)
  return { seq, id, data, frame: formatEvent({ event: STOCK_EVENT, data, id }) }
}
