// Three instances on one Redis behind the round-robin proxy, and one Rivulet client (through
// @rivulet/core's public API) forced from instance to instance at seeded random points. Every
// quote must arrive exactly once and in order, whatever happens to the instance it was on.

import { createEventStream, eventSourceTransport } from '@rivulet/core'
import type { EventStream, StreamState } from '@rivulet/core'
import { EventSource } from 'eventsource'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort, startCli, stopCli } from '../../test/cli'
import type { Cli } from '../../test/cli'
import { killConnectionsOf, redisClient, redisUrl, uniqueKey } from '../../test/redis'
import { createRoundRobinProxy } from '../proxy'
import type { RoundRobinProxy } from '../proxy'
import { seededRandom } from '../quotes'
import type { Quote } from '../quotes'
import { fetchText } from '../test-client'
import { compareEntryIds } from './entry-id'

const SEED = Number(process.env.CHAOS_SEED ?? 20261201)
const STEPS = 12
const ACTIONS = [
  'cut mid-event',
  'kill its instance',
  'kill the producer',
  'drop its Redis link',
] as const
// Small delays (the policy's `minDelay` is new; a core without it ignores the field).
const RETRY = { initialDelay: 50, minDelay: 10, maxDelay: 400, jitter: 0 }

interface Instance {
  readonly name: string
  readonly port: number
  cli: Cli
  /** Everything every start of this instance printed. */
  log: string
}

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {})
})

async function cluster(key: string) {
  const ports = [await freePort(), await freePort(), await freePort()]
  const start = (name: string, port: number) =>
    startCli('main', [
      '--port',
      String(port),
      '--redis',
      redisUrl(),
      '--stream-key',
      key,
      '--instance',
      name,
      '--interval',
      '25',
      '--retry',
      '50',
      '--heartbeat',
      '1000',
      '--lease',
      '600',
    ])
  const instances: Instance[] = ports.map((port, i) => {
    const name = `node-${i + 1}`
    return { name, port, cli: start(name, port), log: '' }
  })
  cleanups.push(async () => {
    for (const instance of instances) await stopCli(instance.cli)
    const redis = await redisClient()
    await redis.del([key, `${key}:producer`])
    redis.destroy()
  })
  await Promise.all(instances.map((instance) => instance.cli.url))
  const proxy: RoundRobinProxy = createRoundRobinProxy({
    targets: ports.map((port) => `http://127.0.0.1:${port}`),
  })
  const { url } = await proxy.listen(0, '127.0.0.1')
  cleanups.push(() => proxy.close())

  const base = (instance: Instance) => `http://127.0.0.1:${instance.port}`
  const status = async (instance: Instance) => {
    try {
      const answer = await fetchText(`${base(instance)}/control`)
      return JSON.parse(answer.body) as { connections: number; producer: boolean }
    } catch {
      return undefined // down
    }
  }
  return {
    url,
    instances,
    status,
    base,
    async restart(instance: Instance) {
      await stopCli(instance.cli)
      instance.log += instance.cli.output()
      instance.cli = start(instance.name, instance.port)
      await instance.cli.url
    },
    logs: () => instances.map((instance) => instance.log + instance.cli.output()),
  }
}

/** Waits (bounded: 15 s) until the check holds, polling every 20 ms. */
async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 20) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe.each(['fetch', 'eventsource'] as const)(
  'scale-out on Redis, %s transport',
  (transport) => {
    it('delivers every quote exactly once and in order while the client is forced between instances', async () => {
      console.log(`scale-out ${transport}: seed ${SEED} (set CHAOS_SEED to replay a run)`)
      const key = uniqueKey()
      const nodes = await cluster(key)
      const random = seededRandom(SEED)
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T

      const stream: EventStream<{ stockUpdate: Quote }> = createEventStream(`${nodes.url}/stocks`, {
        transport: transport === 'fetch' ? 'fetch' : eventSourceTransport({ EventSource }),
        retry: RETRY,
      })
      cleanups.push(async () => stream.close())
      const received: { seq: number; id: string }[] = []
      const states: StreamState[] = []
      stream.status$.subscribe((status) => states.push(status.state))
      stream.on('stockUpdate').subscribe((quote) => {
        received.push({ seq: quote.id, id: stream.lastEventId })
      })

      const done: string[] = []
      for (let step = 0; step < STEPS; step++) {
        const target = received.length + 2 + Math.floor(random() * 10)
        await until(`${target} quotes (step ${step})`, () => received.length >= target)
        const action = pick(ACTIONS)
        const statuses = await Promise.all(nodes.instances.map(nodes.status))
        const serving = nodes.instances.filter((_, i) => (statuses[i]?.connections ?? 0) > 0)
        const own = serving.length > 0 ? pick(serving) : pick(nodes.instances)
        const producer = nodes.instances.find((_, i) => statuses[i]?.producer === true) ?? own
        const who = action === 'kill the producer' ? producer.name : own.name
        done.push(`${action} (${who}) after quote ${received.at(-1)?.seq}`)
        if (action === 'cut mid-event') {
          await fetchText(`${nodes.base(own)}/control/drop`, { method: 'POST' })
        } else if (action === 'kill its instance') {
          await nodes.restart(own)
        } else if (action === 'kill the producer') {
          await nodes.restart(producer)
        } else {
          await killConnectionsOf(own.name)
        }
      }

      // Everything published so far must reach the client, then the checks.
      const redis = await redisClient()
      const newest = await redis.xRevRange(key, '+', '-', { COUNT: 1 })
      redis.destroy()
      const lastSeq = Number(JSON.parse(String(newest?.[0]?.message.quote)).id)
      await until(`quote ${lastSeq}`, () => (received.at(-1)?.seq ?? 0) >= lastSeq)
      stream.close()

      const seqs = received.map((quote) => quote.seq)
      const first = seqs[0] ?? 0
      // Exactly once, in order: the quote numbers run without a gap or a repeat...
      const breaks = seqs.flatMap((seq, i) =>
        i > 0 && seq !== (seqs[i - 1] ?? 0) + 1 ? [`${seqs[i - 1]} then ${seq}`] : [],
      )
      expect({ breaks, actions: breaks.length > 0 ? done : [] }).toEqual({
        breaks: [],
        actions: [],
      })
      expect(seqs).toEqual(seqs.map((_, i) => first + i))
      // ...and each SSE id is a stream entry id after the one before.
      const ids = received.map((quote) => quote.id)
      const outOfOrder = ids.filter(
        (id, i) => i > 0 && compareEntryIds(ids[i - 1] ?? '0-0', id) >= 0,
      )
      expect(outOfOrder).toEqual([])
      // The client really moved: at least two instances served it a resume.
      const resumedOn = nodes.logs().filter((log) => / resume after "\d+-\d+"/.test(log))
      expect(resumedOn.length).toBeGreaterThanOrEqual(2)
      expect(states.filter((state) => state === 'reconnecting').length).toBeGreaterThan(0)
      console.log(
        `scale-out ${transport}: ${received.length} quotes (${first}–${seqs.at(-1)}) through: ${done.join(', ')}`,
      )
    }, 120_000)
  },
)
