import { EventSource } from 'eventsource'
import { filter, firstValueFrom, take, toArray } from 'rxjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStream, startServer } from '../../test/sse-server'
import type { Handler, TestServer } from '../../test/sse-server'
import { createEventStream } from './create-event-stream'
import type { EventStreamOptions } from './types'

// Ids in CJK, accented Latin, emoji and ASCII: what `Last-Event-ID` must carry as UTF-8 bytes.
const PREFIXES = ['株', 'é', '🚀', 'a']
const TOTAL = 240
const idOf = (n: number) => `${PREFIXES[n % PREFIXES.length]}-${n}`
const SEED = Number(process.env.FC_SEED ?? 20261201)

/** mulberry32: a small seeded generator, so every run cuts at the same bytes. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Replays from the last event ID it is sent (header or query, read as UTF-8), then cuts the
 * connection at a random byte, often inside an event or a multi-byte character, until the last
 * event has gone out; that connection stays open.
 */
function cuttingReplayServer(random: () => number): Handler {
  return (res, req) => {
    const last = req.lastEventId ?? ''
    const from = last === '' ? 0 : Number(last.slice(last.lastIndexOf('-') + 1)) + 1
    openStream(res)
    // retry: native EventSource reconnects by itself (ASCII ids) after this, not its 3 s default.
    const wire = Buffer.from(
      'retry: 1\n\n' +
        Array.from({ length: TOTAL - from }, (_, i) => {
          const n = from + i
          return `event: tick\nid: ${idOf(n)}\ndata: {"n":${n},"name":"Zoë 株式 🚀"}\n\n`
        }).join(''),
    )
    const cutAt = Math.floor(random() * Math.min(wire.length, 900))
    if (from + 3 >= TOTAL) return void res.write(wire)
    res.write(wire.subarray(0, cutAt), () => res.socket?.destroy())
  }
}

let server: TestServer
const streams: { close(): void }[] = []
beforeEach(async () => {
  server = await startServer()
})
afterEach(async () => {
  for (const s of streams.splice(0)) s.close()
  await server.close()
})

const transports: [string, EventStreamOptions<{ tick: { n: number } }>][] = [
  ['fetch', { transport: 'fetch' }],
  ['eventsource', { transport: 'eventsource', EventSource }],
]

describe.each(transports)('resume with any id, under cuts (%s)', (_, options) => {
  it(`delivers every event exactly once and in order (seed ${SEED})`, async () => {
    server.otherwise(cuttingReplayServer(seeded(SEED)))
    const stream = createEventStream<{ tick: { n: number } }>(server.url(), {
      retry: { initialDelay: 1, minDelay: 1, jitter: 0, maxDelay: 1 },
      ...options,
    })
    streams.push(stream)
    const ids: string[] = []
    stream.events$.subscribe((event) => ids.push(event.id ?? '(none)'))
    const all = await firstValueFrom(stream.on('tick').pipe(take(TOTAL), toArray()))
    expect(all.map((tick) => tick.n)).toEqual(Array.from({ length: TOTAL }, (_, n) => n))
    expect(ids).toEqual(Array.from({ length: TOTAL }, (_, n) => idOf(n)))
    expect(stream.lastEventId).toBe(idOf(TOTAL - 1))
    // Every reconnection asked for exactly the event after the last one received.
    const asked = server.requests.slice(1).map((r) => r.lastEventId)
    expect(asked.length).toBeGreaterThanOrEqual(10)
    expect(asked.every((id) => id !== undefined && ids.includes(id))).toBe(true)
  }, 30_000)
})

describe('the last event ID on the wire', () => {
  it.each(transports)('is sent as UTF-8 on reconnection (%s)', async (_, options) => {
    server.respond(
      (res) => {
        openStream(res)
        res.write('id: 株-7\ndata: {}\n\n', () => res.socket?.destroy())
      },
      (res) => openStream(res),
    )
    const stream = createEventStream(server.url(), {
      retry: { initialDelay: 1, minDelay: 1, jitter: 0 },
      ...options,
    })
    streams.push(stream)
    stream.events$.subscribe()
    const [, second] = await server.waitForRequests(2)
    expect(second?.lastEventId).toBe('株-7')
    if (options.transport === 'fetch')
      expect(Buffer.from(second?.headers['last-event-id'] as string, 'latin1')).toEqual(
        Buffer.from('株-7'),
      )
    else expect(second?.url).toBe('/sse?lastEventId=' + encodeURIComponent('株-7'))
    await firstValueFrom(stream.status$.pipe(filter((s) => s.state === 'open')))
  })
})
