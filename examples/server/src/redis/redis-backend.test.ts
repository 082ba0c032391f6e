import { afterEach, describe, expect, it } from 'vitest'
import { redisClient, redisUrl, uniqueKey } from '../../test/redis'
import { createStockServer } from '../server'
import type { StockServer, StockServerOptions } from '../server'
import { fetchText, openStream } from '../test-client'
import { compareEntryIds } from './entry-id'
import type { OpenStream } from '../test-client'

const servers: StockServer[] = []
const streams: OpenStream[] = []
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close()
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function instance(key: string, options: StockServerOptions & { produce?: boolean } = {}) {
  const { produce, ...rest } = options
  const server = createStockServer({
    intervalMs: 0,
    heartbeatMs: 0,
    retryMs: 50,
    shutdownGraceMs: 100,
    quotes: { seed: 7 },
    redis: { url: redisUrl(), key, leaseMs: 600, produce },
    ...rest,
  })
  servers.push(server)
  const { url } = await server.listen(0, '127.0.0.1')
  return { server, url }
}

async function open(url: string, headers?: Record<string, string>) {
  const stream = await openStream(`${url}/stocks`, { headers })
  streams.push(stream)
  return stream
}

const ENTRY = /^event: stockUpdate\ndata: (\{.*\})\nid: (\d+-\d+)$/gm
const entries = (body: string) =>
  [...body.matchAll(ENTRY)].map((m) => ({ id: m[2] ?? '', seq: JSON.parse(m[1] ?? '{}').id }))
const countOf = (n: number) => (body: string) => entries(body).length >= n

describe('the Redis backend', () => {
  it('sends each entry with its stream entry id as the SSE id and numbers the quotes from 1', async () => {
    const { server, url } = await instance(uniqueKey())
    const stream = await open(url)
    await stream.until('retry: 50\n\n')
    for (let i = 0; i < 3; i++) expect((await server.publish())?.id).toBe(i + 1)
    const got = entries(await stream.until(countOf(3)))
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3])
    const ids = got.map((e) => e.id)
    expect(ids.every((id, i) => i === 0 || compareEntryIds(ids[i - 1] ?? '', id) < 0)).toBe(true)
  })

  it('replays from an entry id, exclusive, on an instance that never saw the client', async () => {
    const key = uniqueKey()
    const a = await instance(key, { instance: 'a' })
    const b = await instance(key, { instance: 'b', produce: false })
    const onA = await open(a.url)
    await onA.until('retry:')
    for (let i = 0; i < 3; i++) await a.server.publish()
    const seen = await onA.until(countOf(3))
    const [first] = entries(seen)

    const onB = await open(b.url, { 'Last-Event-ID': first?.id ?? '' })
    const replayed = await onB.until(countOf(2))
    // The very bytes A sent, from the second quote on: no gap, no duplicate.
    const secondFrame = seen.indexOf('event: stockUpdate', seen.indexOf('event: stockUpdate') + 1)
    expect(replayed).toBe(`retry: 50\n\n${seen.slice(secondFrame)}`)
    expect(entries(replayed).map((e) => e.seq)).toEqual([2, 3])
  })

  it('answers an id Redis has trimmed with the same too-old reset as the in-memory buffer', async () => {
    const key = uniqueKey()
    const { server, url } = await instance(key)
    const live = await open(url)
    await live.until('retry:')
    for (let i = 0; i < 5; i++) await server.publish()
    const ids = entries(await live.until(countOf(5))).map((e) => e.id)
    const redis = await redisClient()
    // What MAXLEN ~ does over time, done at once and exactly.
    await redis.xTrim(key, 'MAXLEN', 2)
    redis.destroy()

    const stream = await open(url, { 'Last-Event-ID': ids[1] ?? '' })
    const reset = JSON.stringify({
      reason: 'too-old',
      lastEventId: ids[1],
      oldestId: ids[3],
      latestId: ids[4],
    })
    expect(await stream.until(`id: ${ids[4]}\n\n`)).toBe(
      `retry: 50\n\nevent: reset\ndata: ${reset}\nid: ${ids[4]}\n\n`,
    )
    await server.publish()
    expect(entries(await stream.until(countOf(1))).map((e) => e.seq)).toEqual([6])
  })

  it.each([
    ['an id from the future', '99999999999999-0'],
    ['an id that is not an entry id', '株-7'],
  ])('answers %s with an unknown reset whose id is the newest entry', async (_, lastEventId) => {
    const { server, url } = await instance(uniqueKey())
    const live = await open(url)
    await live.until('retry:')
    await server.publish()
    const [newest] = entries(await live.until(countOf(1)))
    const stream = await open(url, { 'Last-Event-ID': Buffer.from(lastEventId).toString('latin1') })
    const reset = JSON.stringify({ reason: 'unknown', lastEventId, latestId: newest?.id })
    expect(await stream.until(`id: ${newest?.id}\n\n`)).toBe(
      `retry: 50\n\nevent: reset\ndata: ${reset}\nid: ${newest?.id}\n\n`,
    )
  })

  it('elects one producer among three; when it leaves another takes over and the numbers carry on', async () => {
    const key = uniqueKey()
    const all = [
      await instance(key, { instance: 'a' }),
      await instance(key, { instance: 'b' }),
      await instance(key, { instance: 'c' }),
    ]
    const producers = async () => {
      const states = await Promise.all(
        all.map(async ({ url }) => JSON.parse((await fetchText(`${url}/control`)).body)),
      )
      return states
        .filter((state) => state.producer === true)
        .map((state) => state.instance as string)
    }
    expect(await producers()).toEqual(['a'])
    const watcher = await open(all[2]?.url ?? '')
    await watcher.until('retry:')
    await all[0]?.server.publish()
    await all[0]?.server.publish()
    // b and c are not the producer: they publish nothing.
    expect(await all[1]?.server.publish()).toBeUndefined()

    await all[0]?.server.close()
    servers.splice(servers.indexOf(all[0]?.server as StockServer), 1)
    // The lease was released on close: the next election round (a third of 600 ms) fills it.
    let next: (typeof all)[number] | undefined
    for (let i = 0; i < 100 && next === undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      next = all.slice(1).find(({ server }) => server.isProducer)
    }
    expect(next).toBeDefined()
    expect((await next?.server.publish())?.id).toBe(3)
    expect(entries(await watcher.until(countOf(3))).map((e) => e.seq)).toEqual([1, 2, 3])
  })
})
