// The Redis Streams backend: this instance's view of the shared stream, and its part in the
// producer election.

import type { Backend } from '../backend'
import type { QuoteGeneratorOptions } from '../quotes'
import { RedisLog } from './redis-log'
import { RedisProducer } from './redis-producer'

export interface RedisOptions {
  /** `redis://host:port`, as `REDIS_URL` gives it. */
  readonly url: string
  /** The stream's key; the lease is `<key>:producer`. Default `rivulet:stocks`. */
  readonly key?: string
  /** How long a producer's lease lasts unrenewed (renewed every third of it). Default 3000 ms. */
  readonly leaseMs?: number
  /** Whether this instance stands for producer. Default true. */
  readonly produce?: boolean
}

export const REDIS_DEFAULTS = { key: 'rivulet:stocks', leaseMs: 3000 } as const

export interface RedisBackendOptions {
  readonly intervalMs: number
  readonly heartbeatMs: number
  /** The stream's MAXLEN ~: how many entries Redis keeps for replay (a few more, in practice). */
  readonly bufferSize: number
  readonly quotes: QuoteGeneratorOptions | undefined
  readonly redis: RedisOptions
  readonly instance: string
  readonly logLine: (line: string) => void
}

export function createRedisBackend(options: RedisBackendOptions): Backend {
  const key = options.redis.key ?? REDIS_DEFAULTS.key
  const leaseMs = options.redis.leaseMs ?? REDIS_DEFAULTS.leaseMs
  const log = new RedisLog({
    url: options.redis.url,
    key,
    instance: options.instance,
    heartbeatMs: options.heartbeatMs,
    logLine: options.logLine,
  })
  const producer =
    options.redis.produce === false
      ? undefined
      : new RedisProducer({
          key,
          leaseKey: `${key}:producer`,
          maxLen: options.bufferSize,
          leaseMs,
          intervalMs: options.intervalMs,
          instance: options.instance,
          quotes: options.quotes,
          logLine: options.logLine,
          redis: () => log.commands,
        })
  return {
    log,
    get isProducer() {
      return producer?.isLeader ?? false
    },
    async start() {
      await log.start()
      await producer?.start()
    },
    async stop() {
      await producer?.stop()
      await log.stop()
    },
    publish: async () => producer?.publish(),
    status: () => ({
      backend: 'redis',
      producer: producer?.isLeader ?? false,
      latestId: log.latestId,
      stream: key,
      available: log.available,
    }),
    async dispose() {
      await producer?.stop()
      await log.stop()
    },
  }
}
