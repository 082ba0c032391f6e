import { afterEach, describe, expect, it } from 'vitest'
import { msftFrame, msftRising, startTestServer } from './test-client'
import type { StockServerOptions } from './server'

const frame = msftFrame

let fixture: Awaited<ReturnType<typeof startTestServer>> | undefined
afterEach(async () => {
  await fixture?.stop()
  fixture = undefined
})

async function start(options: StockServerOptions = {}) {
  fixture = await startTestServer({ quotes: msftRising(), ...options })
  return fixture
}

describe('GET /stocks', () => {
  it('answers with event-stream headers that forbid caching and proxy buffering', async () => {
    const { open } = await start()
    const stream = await open('/stocks')
    expect(stream.status).toBe(200)
    expect(stream.headers['content-type']).toBe('text/event-stream')
    expect(stream.headers['cache-control']).toBe('no-cache')
    expect(stream.headers['x-accel-buffering']).toBe('no')
  })

  it('sends retry first, then each quote as a stockUpdate event, byte for byte', async () => {
    const { open, server } = await start({ retryMs: 1500 })
    const stream = await open('/stocks')
    await stream.until('retry: 1500\n\n')
    server.tick()
    server.tick()
    expect(await stream.until('id: 2\n\n')).toBe(
      `retry: 1500\n\n${frame(1, 100.5)}${frame(2, 101)}`,
    )
  })

  it('sends every client the same events in the same order', async () => {
    const { open, server } = await start()
    const streams = await Promise.all([open('/stocks'), open('/stocks'), open('/stocks')])
    await Promise.all(streams.map((stream) => stream.until('retry:')))
    for (let i = 0; i < 3; i++) server.tick()
    const bodies = await Promise.all(streams.map((stream) => stream.until('id: 3\n\n')))
    expect(new Set(bodies).size).toBe(1)
    expect(bodies[0]).toContain(frame(3, 101.51))
  })

  it('publishes on its own timer at the configured interval', async () => {
    const { open } = await start({ intervalMs: 5 })
    const stream = await open('/stocks')
    expect(await stream.until('id: 3\n\n')).toMatch(/event: stockUpdate\ndata: \{"id":\d+,/)
  })

  it('sends a comment heartbeat while no quote is due', async () => {
    const { open } = await start({ heartbeatMs: 5 })
    const stream = await open('/stocks')
    // Several heartbeats may arrive in one read; only heartbeats may follow the retry line.
    expect(await stream.until(': heartbeat\n\n')).toMatch(/^retry: 1000\n\n(: heartbeat\n\n)+$/)
  })

  it('answers 404 elsewhere and 405 to other methods on /stocks', async () => {
    const { open } = await start()
    expect((await open('/nope')).status).toBe(404)
    const post = await open('/stocks', { method: 'POST' })
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, OPTIONS'])
  })

  it('answers 400 with the reason to a bad fault parameter', async () => {
    const { open } = await start()
    const stream = await open('/stocks?dropAfter=soon')
    await stream.finished
    expect(stream.status).toBe(400)
    expect(stream.text()).toMatch(/dropAfter must be an integer/)
  })
})

describe('Last-Event-ID replay', () => {
  it('replays every missed event after a reconnect, in order, then continues live', async () => {
    const { open, server } = await start()
    const first = await open('/stocks')
    await first.until('retry:')
    server.tick()
    await first.until('id: 1\n\n')
    first.close()
    server.tick()
    server.tick()

    const again = await open('/stocks', { headers: { 'Last-Event-ID': '1' } })
    await again.until('id: 3\n\n')
    server.tick()
    expect(await again.until('id: 4\n\n')).toBe(
      `retry: 1000\n\n${frame(2, 101)}${frame(3, 101.51)}${frame(4, 102.02)}`,
    )
  })

  it('accepts the resume point as a lastEventId query parameter', async () => {
    const { open, server } = await start()
    server.tick()
    server.tick()
    const stream = await open('/stocks?lastEventId=1')
    expect(await stream.until('id: 2\n\n')).toBe(`retry: 1000\n\n${frame(2, 101)}`)
  })

  it('lets the header win over the query parameter', async () => {
    const { open, server } = await start()
    for (let i = 0; i < 3; i++) server.tick()
    const stream = await open('/stocks?lastEventId=0', { headers: { 'Last-Event-ID': '2' } })
    expect(await stream.until('id: 3\n\n')).toBe(`retry: 1000\n\n${frame(3, 101.51)}`)
  })

  it('sends nothing old to a client that is already up to date', async () => {
    const { open, server } = await start()
    server.tick()
    const stream = await open('/stocks', { headers: { 'Last-Event-ID': '1' } })
    await stream.until('retry:')
    server.tick()
    expect(await stream.until('id: 2\n\n')).toBe(`retry: 1000\n\n${frame(2, 101)}`)
  })

  it('signals a reset when the id is older than the buffer, then continues live', async () => {
    const { open, server } = await start({ bufferSize: 2 })
    for (let i = 0; i < 5; i++) server.tick()
    const stream = await open('/stocks', { headers: { 'Last-Event-ID': '2' } })
    await stream.until('event: reset')
    server.tick()
    expect(await stream.until('id: 6\n\n')).toBe(
      'retry: 1000\n\n' +
        'event: reset\ndata: {"reason":"too-old","lastEventId":"2","oldestId":4,"latestId":5}\nid: 5\n\n' +
        frame(6, 103.04),
    )
  })

  it('replays from the oldest kept event when nothing the client missed was dropped', async () => {
    const { open, server } = await start({ bufferSize: 2 })
    for (let i = 0; i < 5; i++) server.tick()
    const stream = await open('/stocks', { headers: { 'Last-Event-ID': '3' } })
    expect(await stream.until('id: 5\n\n')).toBe(
      `retry: 1000\n\n${frame(4, 102.02)}${frame(5, 102.53)}`,
    )
  })

  it('signals a reset for an id from the future, as after a server restart', async () => {
    const { open, server } = await start()
    server.tick()
    const stream = await open('/stocks', { headers: { 'Last-Event-ID': '99' } })
    expect(await stream.until('id: 1\n\n')).toBe(
      'retry: 1000\n\nevent: reset\ndata: {"reason":"unknown","lastEventId":"99","latestId":1}\nid: 1\n\n',
    )
  })

  it('signals a reset for an id that is not a number', async () => {
    const { open } = await start()
    const stream = await open('/stocks?lastEventId=abc')
    expect(await stream.until('id: 0\n\n')).toBe(
      'retry: 1000\n\nevent: reset\ndata: {"reason":"unknown","lastEventId":"abc","latestId":0}\nid: 0\n\n',
    )
  })
})

describe('a client that stops reading', () => {
  it('is cut off once too much is queued for it, while others keep streaming', async () => {
    const lines: string[] = []
    const { open, server } = await start({ maxBufferedBytes: 64 * 1024, log: (l) => lines.push(l) })
    const stuck = await open('/stocks')
    stuck.pause()
    const healthy = await open('/stocks')
    await healthy.until('retry:')
    // Bounded: the kernel's socket buffers fill long before this many quotes. Yielding
    // between batches lets the healthy client (in this same process) keep reading.
    for (let batch = 0; batch < 2000 && server.log.subscriberCount === 2; batch++) {
      for (let i = 0; i < 100; i++) server.tick()
      await new Promise((resolve) => setImmediate(resolve))
    }
    // The stuck client cannot notice (it is not reading); the server has let it go.
    expect(server.log.subscriberCount).toBe(1)
    expect(lines).toContainEqual(expect.stringMatching(/^close #1 .* reason slow-client$/))
    const next = Number(server.log.latestId) + 1
    server.tick()
    await healthy.until(`id: ${next}\n\n`)
  }, 15_000)
})
