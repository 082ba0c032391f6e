// The event log on Redis Streams, as one instance sees it. A dedicated connection reads the
// stream with a blocking XREAD from the last entry it delivered and fans each entry out to this
// instance's clients, formatted once. A client resuming with an entry id (from any instance) is
// replayed with XRANGE and attached to the live fan-out with nothing missed or repeated.

import { STOCK_EVENT } from '../feed-event'
import type { ResumePoint } from '../last-event-id'
import { Hub } from '../log/hub'
import type { EventLog, LogEvent, LogSubscriber } from '../log/types'
import { formatEvent } from '../sse-format'
import { openRedis } from './connect'
import type { RedisClient } from './connect'
import { compareEntryIds, isEntryId, latestEntryId } from './entry-id'

export interface RedisLogOptions {
  readonly url: string
  readonly key: string
  readonly instance: string
  readonly heartbeatMs: number
  readonly logLine: (line: string) => void
}

interface Entry {
  readonly id: string
  readonly message: Record<string, unknown>
}

// How long one XREAD blocks: the loop notices a stop within this.
const BLOCK_MS = 1000
const READ_COUNT = 500
// A client whose replay query takes this long to come back is not worth queueing for.
const JOIN_QUEUE_LIMIT = 10_000

export class RedisLog implements EventLog {
  readonly backend = 'redis'
  readonly #options: RedisLogOptions
  readonly #hub: Hub
  /** Every joined subscriber, until it leaves. */
  readonly #attached = new Set<LogSubscriber>()
  /** Subscribers waiting for their replay query: live entries queue up for them meanwhile. */
  readonly #joining = new Map<LogSubscriber, LogEvent[]>()
  /** Subscribers whose replay ran ahead of the fan-out: live entries up to this id were sent. */
  readonly #catchingUp = new Map<LogSubscriber, string>()
  /** Joining subscribers whose queue overflowed: their join fails. */
  readonly #overflowed = new Set<LogSubscriber>()
  #commands: RedisClient | undefined
  #reader: RedisClient | undefined
  #cursor = '0-0'
  #running = false
  #loop: Promise<void> | undefined

  constructor(options: RedisLogOptions) {
    this.#options = options
    this.#hub = new Hub(options.heartbeatMs)
  }

  /** The connection for ordinary commands (the producer shares it). */
  get commands(): RedisClient | undefined {
    return this.#commands
  }

  get available(): boolean {
    return this.#running && this.#commands?.isReady === true && this.#reader?.isReady === true
  }

  get latestId(): string {
    return this.#cursor
  }

  get subscriberCount(): number {
    return this.#attached.size
  }

  async start(): Promise<void> {
    if (this.#running) return
    const { url, instance, logLine, key } = this.#options
    const commands = await openRedis(url, `rivulet:${instance}`, logLine)
    let reader: RedisClient
    try {
      reader = await openRedis(url, `rivulet:${instance}:reader`, logLine)
      const newest = await commands.xRevRange(key, '+', '-', { COUNT: 1 })
      this.#cursor = newest?.[0]?.id ?? '0-0'
    } catch (error) {
      commands.destroy()
      throw error
    }
    this.#commands = commands
    this.#reader = reader
    this.#running = true
    this.#hub.start()
    this.#loop = this.#readLoop(reader)
  }

  async stop(): Promise<void> {
    if (!this.#running) return
    this.#running = false
    this.#hub.stop()
    // Destroying the reader ends its blocking XREAD at once.
    this.#reader?.destroy()
    await this.#loop
    this.#commands?.destroy()
    this.#commands = undefined
    this.#reader = undefined
  }

  join(subscriber: LogSubscriber, resume: ResumePoint): void | Promise<void> {
    this.#attached.add(subscriber)
    if (resume.kind === 'none') return this.#hub.add(subscriber)
    if (!isEntryId(resume.raw)) {
      this.#hub.add(subscriber)
      const now = this.#cursor
      return subscriber.reset({ reason: 'unknown', latestId: now, id: now })
    }
    return this.#replay(subscriber, resume.raw)
  }

  leave(subscriber: LogSubscriber): void {
    this.#attached.delete(subscriber)
    this.#joining.delete(subscriber)
    this.#catchingUp.delete(subscriber)
    this.#overflowed.delete(subscriber)
    this.#hub.delete(subscriber)
  }

  async #replay(subscriber: LogSubscriber, lastId: string): Promise<void> {
    const queue: LogEvent[] = []
    this.#joining.set(subscriber, queue)
    const { key } = this.#options
    let first: Entry[]
    let after: Entry[]
    try {
      const commands = this.#commands
      if (commands === undefined) throw new Error('not connected to Redis')
      // One transaction, so the stream's head and the range are read at the same moment: the
      // proof below that nothing was trimmed between the client's id and the replay holds.
      const [head, range] = await commands
        .multi()
        .xRange(key, '-', '+', { COUNT: 1 })
        .xRange(key, lastId, '+')
        .exec()
      first = head as unknown as Entry[]
      after = range as unknown as Entry[]
    } catch (error) {
      this.leave(subscriber)
      throw error
    }
    if (this.#overflowed.has(subscriber)) {
      this.leave(subscriber)
      throw new Error(`more than ${JOIN_QUEUE_LIMIT} live entries arrived during the replay query`)
    }
    if (!this.#joining.delete(subscriber)) return

    // The range is inclusive: the client's own entry comes first if Redis still holds it, which
    // proves nothing between it and the replay was trimmed. Anything else is a reset.
    let sentUpTo: string
    if (after[0]?.id === lastId) {
      for (const entry of after.slice(1)) {
        if (!this.#attached.has(subscriber)) return
        subscriber.event(this.#toEvent(entry))
      }
      sentUpTo = after.at(-1)?.id ?? lastId
    } else {
      sentUpTo = latestEntryId(after.at(-1)?.id, this.#cursor, queue.at(-1)?.id)
      const oldest = first[0]?.id
      subscriber.reset(
        oldest !== undefined && compareEntryIds(lastId, oldest) < 0
          ? { reason: 'too-old', oldestId: oldest, latestId: sentUpTo, id: sentUpTo }
          : { reason: 'unknown', latestId: sentUpTo, id: sentUpTo },
      )
    }
    for (const event of queue) {
      if (!this.#attached.has(subscriber)) return
      if (compareEntryIds(event.id, sentUpTo) > 0) {
        subscriber.event(event)
        sentUpTo = event.id
      }
    }
    if (!this.#attached.has(subscriber)) return
    if (compareEntryIds(sentUpTo, this.#cursor) > 0) this.#catchingUp.set(subscriber, sentUpTo)
    else this.#hub.add(subscriber)
  }

  async #readLoop(reader: RedisClient): Promise<void> {
    const { key, logLine } = this.#options
    let failures = 0
    while (this.#running) {
      try {
        const reply = await reader.xRead(
          { key, id: this.#cursor },
          { BLOCK: BLOCK_MS, COUNT: READ_COUNT },
        )
        failures = 0
        for (const entry of entriesOf(reply)) this.#deliver(entry)
      } catch (error) {
        if (!this.#running) return
        // The client reconnects by itself; wait so a broken link never spins this loop.
        failures++
        if (failures === 1) logLine(`redis read failed, retrying: ${String(error)}`)
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** failures, 2000)))
      }
    }
  }

  #deliver(entry: Entry): void {
    this.#cursor = entry.id
    const event = this.#toEvent(entry)
    for (const [subscriber, queue] of this.#joining) {
      queue.push(event)
      if (queue.length > JOIN_QUEUE_LIMIT) {
        this.#joining.delete(subscriber)
        this.#overflowed.add(subscriber)
      }
    }
    for (const [subscriber, upTo] of this.#catchingUp) {
      if (compareEntryIds(entry.id, upTo) <= 0) continue
      this.#catchingUp.delete(subscriber)
      this.#hub.add(subscriber)
    }
    this.#hub.broadcast(event)
  }

  #toEvent(entry: Entry): LogEvent {
    const data = entry.message.quote
    // Written by our producer; anything else under the key is shown as it is, not dropped.
    const text = typeof data === 'string' ? data : JSON.stringify(entry.message)
    return { id: entry.id, frame: formatEvent({ event: STOCK_EVENT, data: text, id: entry.id }) }
  }
}

function entriesOf(reply: unknown): Entry[] {
  if (!Array.isArray(reply)) return []
  return reply.flatMap((stream: { messages?: Entry[] }) => stream.messages ?? [])
}
