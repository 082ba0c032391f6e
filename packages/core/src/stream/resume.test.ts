import { EventSource } from 'eventsource'
import { filter, firstValueFrom, take, toArray } from 'rxjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cuttingReplayServer, idOf, seeded } from '../../test/cutting-server'
import { openStream, startServer } from '../../test/sse-server'
import type { TestServer } from '../../test/sse-server'
import { createEventStream } from './create-event-stream'
import type { EventStreamOptions } from './types'

const TOTAL = 240
const SEED = Number(process.env.FC_SEED ?? 20261201)

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
    server.otherwise(cuttingReplayServer(seeded(SEED), TOTAL))
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
    // Every reconnection asked for an id it had received (none only if it was cut before the
    // first event got through).
    const asked = server.requests.slice(1).flatMap((r) => r.lastEventId ?? [])
    expect(asked.length).toBeGreaterThanOrEqual(10)
    expect(asked.filter((id) => !ids.includes(id))).toEqual([])
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
