// The one producer among the instances sharing a Redis stream. Each instance runs this; only the
// lease holder publishes. On taking over it reads the newest entries, so quote numbers and prices
// carry on where the last producer stopped; Redis orders the entry ids whoever adds them.

import { randomUUID } from 'node:crypto'
import { continuePrices, createQuoteGenerator, DEFAULT_PRICES } from '../quotes'
import type { Quote, QuoteGenerator, QuoteGeneratorOptions } from '../quotes'
import type { RedisClient } from './connect'
import { ProducerLease } from './producer-lease'

export interface RedisProducerOptions {
  readonly key: string
  readonly leaseKey: string
  readonly maxLen: number
  readonly leaseMs: number
  /** 0: only `publish()` publishes. */
  readonly intervalMs: number
  readonly instance: string
  readonly quotes: QuoteGeneratorOptions | undefined
  readonly logLine: (line: string) => void
  /** The connection to use, while there is one. */
  readonly redis: () => RedisClient | undefined
}

// Entries read at a takeover to find each symbol's latest price.
const TAKEOVER_READ = 200
const STOP_WAIT_MS = 2000

export class RedisProducer {
  readonly #options: RedisProducerOptions
  #lease: ProducerLease | undefined
  #leader = false
  #sequence = 0
  #generate: QuoteGenerator | undefined
  #timers: ReturnType<typeof setInterval>[] = []
  #busy: Promise<unknown> = Promise.resolve()
  #publishing = false

  constructor(options: RedisProducerOptions) {
    this.#options = options
  }

  get isLeader(): boolean {
    return this.#leader
  }

  async start(): Promise<void> {
    if (this.#lease !== undefined) return
    const { leaseKey, leaseMs, instance, intervalMs } = this.#options
    this.#lease = new ProducerLease(leaseKey, `${instance}:${randomUUID()}`, leaseMs)
    // A third of the lease: two renewals can fail before it lapses.
    this.#timers.push(setInterval(() => void this.#serialized(() => this.#elect()), leaseMs / 3))
    if (intervalMs > 0) this.#timers.push(setInterval(() => this.#timedPublish(), intervalMs))
    await this.#serialized(() => this.#elect())
  }

  async stop(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer)
    this.#timers = []
    // A Redis that stopped answering must not hold up a shutdown: the lease lapses by itself.
    await Promise.race([this.#busy, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS))])
    const lease = this.#lease
    const redis = this.#options.redis()
    this.#lease = undefined
    if (this.#leader && lease !== undefined && redis?.isReady) {
      // Released rather than left to expire: another instance takes over at its next try.
      await lease.release(redis).catch(() => {})
    }
    this.#setLeader(false)
  }

  /** Publishes the next quote if this instance holds the lease. */
  publish(): Promise<Quote | undefined> {
    return this.#serialized(async () => {
      const redis = this.#options.redis()
      if (!this.#leader || this.#lease === undefined || redis === undefined) return undefined
      const generate = this.#generate
      if (generate === undefined) return undefined
      const quote = generate(this.#sequence + 1)
      const { key, maxLen } = this.#options
      const id = await this.#lease.append(redis, key, maxLen, JSON.stringify(quote))
      if (id === undefined) {
        this.#setLeader(false)
        return undefined
      }
      this.#sequence = quote.id
      return quote
    })
  }

  // A tick while the last append is still out is skipped: a slow Redis never piles them up.
  #timedPublish(): void {
    if (this.#publishing || !this.#leader) return
    this.#publishing = true
    void this.publish().finally(() => (this.#publishing = false))
  }

  async #elect(): Promise<void> {
    const redis = this.#options.redis()
    const lease = this.#lease
    if (redis === undefined || lease === undefined) return
    if (!(await lease.claim(redis))) return this.#setLeader(false)
    if (this.#leader) return
    await this.#takeOver(redis)
    this.#setLeader(true)
  }

  async #takeOver(redis: RedisClient): Promise<void> {
    const newest = await redis.xRevRange(this.#options.key, '+', '-', { COUNT: TAKEOVER_READ })
    const published = (newest ?? [])
      .map((entry) => parseQuote(entry.message.quote))
      .filter((quote) => quote !== undefined)
      .reverse()
    this.#sequence = published.at(-1)?.id ?? 0
    const quotes = this.#options.quotes
    const prices = continuePrices(quotes?.prices ?? DEFAULT_PRICES, published)
    this.#generate = createQuoteGenerator({ ...quotes, prices })
  }

  #setLeader(leader: boolean): void {
    if (leader === this.#leader) return
    this.#leader = leader
    this.#options.logLine(
      leader
        ? `producer: this instance now publishes, after quote ${this.#sequence}`
        : 'producer: this instance no longer publishes',
    )
  }

  /** One Redis step at a time: an election never races a publish. Errors end the step only. */
  #serialized<T>(step: () => Promise<T>): Promise<T | undefined> {
    const run = this.#busy.then(step).catch((error: unknown) => {
      // Redis unreachable: we cannot renew, so the lease lapses and another instance takes over.
      this.#setLeader(false)
      if (this.#timers.length > 0) this.#options.logLine(`producer: ${String(error)}`)
      return undefined
    })
    this.#busy = run
    return run
  }
}

function parseQuote(raw: unknown): Quote | undefined {
  if (typeof raw !== 'string') return undefined
  try {
    const quote = JSON.parse(raw) as Partial<Quote>
    return Number.isSafeInteger(quote.id) &&
      typeof quote.symbol === 'string' &&
      typeof quote.price === 'number'
      ? (quote as Quote)
      : undefined
  } catch {
    return undefined
  }
}
