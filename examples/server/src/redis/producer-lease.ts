// Producer election: one instance at a time holds a lease key with an expiry and renews it; the
// others try to take it when it lapses. Every append checks the lease in the same Lua script
// (a fencing check), so an instance that lost its lease without noticing (a stalled process, a
// dropped link) cannot write after the new producer has started: two producers never interleave.

import type { RedisClient } from './connect'

// KEYS[1] lease, ARGV[1] holder, ARGV[2] lease ms. Takes a free lease or extends our own.
const CLAIM = `local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`
// KEYS[1] lease, ARGV[1] holder
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1]) end
return 0`
// KEYS[1] lease, KEYS[2] stream, ARGV[1] holder, ARGV[2] MAXLEN, ARGV[3] the quote's JSON
const FENCED_XADD = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'quote', ARGV[3])`

export class ProducerLease {
  readonly #key: string
  readonly #holder: string
  readonly #leaseMs: number

  /** `holder` must be unique to this instance and this start (two starts, two holders). */
  constructor(key: string, holder: string, leaseMs: number) {
    this.#key = key
    this.#holder = holder
    this.#leaseMs = leaseMs
  }

  /** Takes the lease if nobody holds it, or extends it if we do; whether we hold it now. */
  async claim(redis: RedisClient): Promise<boolean> {
    return (await this.#eval(redis, CLAIM, [this.#key], [String(this.#leaseMs)])) === 1
  }

  async release(redis: RedisClient): Promise<void> {
    await this.#eval(redis, RELEASE, [this.#key], [])
  }

  /** Appends `data` to the stream if we hold the lease; its entry id, or undefined if not. */
  async append(
    redis: RedisClient,
    stream: string,
    maxLen: number,
    data: string,
  ): Promise<string | undefined> {
    const reply = await this.#eval(redis, FENCED_XADD, [this.#key, stream], [String(maxLen), data])
    return typeof reply === 'string' ? reply : undefined
  }

  #eval(redis: RedisClient, script: string, keys: string[], args: string[]): Promise<unknown> {
    return redis.sendCommand(['EVAL', script, String(keys.length), ...keys, this.#holder, ...args])
  }
}
