import { afterEach, describe, expect, it } from 'vitest'
import { MALFORMED_FRAME } from './faults'
import { msftFrame, msftRising, startTestServer } from './test-client'

let fixture: Awaited<ReturnType<typeof startTestServer>> | undefined
afterEach(async () => {
  await fixture?.stop()
  fixture = undefined
})

async function start() {
  fixture = await startTestServer({ quotes: msftRising() })
  return fixture
}

const quoteCount = (body: string) => body.split('event: stockUpdate\ndata: {"id"').length - 1

describe('fault query parameters', () => {
  it('dropAfter ends the stream cleanly after that many events, replayed ones included', async () => {
    const { open, server } = await start()
    server.tick()
    const stream = await open('/stocks?lastEventId=0&dropAfter=3')
    await stream.until('retry:')
    for (let i = 0; i < 4; i++) server.tick()
    expect(await stream.finished).toBe('end')
    expect(quoteCount(stream.text())).toBe(3)
    expect(stream.text()).toMatch(/id: 3\n\n$/)
  })

  it('dropAfter=0 ends the stream right after the retry line', async () => {
    const { open } = await start()
    const stream = await open('/stocks?dropAfter=0')
    expect(await stream.finished).toBe('end')
    expect(stream.text()).toBe('retry: 1000\n\n')
  })

  it('dropMidEvent writes half of the next event and then destroys the socket', async () => {
    const { open, server } = await start()
    const stream = await open('/stocks?dropMidEvent=1')
    await stream.until('retry:')
    server.tick()
    server.tick()
    expect(await stream.finished).toBe('aborted')
    const second = msftFrame(2, 101)
    expect(stream.text()).toBe(
      `retry: 1000\n\n${msftFrame(1, 100.5)}${second.slice(0, Math.floor(second.length / 2))}`,
    )
  })

  it.each([500, 503])('status=%i answers that status with Retry-After', async (status) => {
    const { open } = await start()
    const response = await open(`/stocks?status=${status}&retryAfter=7`)
    expect(await response.finished).toBe('end')
    expect([response.status, response.headers['retry-after']]).toEqual([status, '7'])
    expect(response.headers['content-type']).toBe('text/plain')
  })

  it('status=204 answers No Content, which tells an EventSource to stop', async () => {
    const { open } = await start()
    const response = await open('/stocks?status=204')
    await response.finished
    expect([response.status, response.text()]).toEqual([204, ''])
  })

  it('contentType answers 200 with that type and a body that is not a stream', async () => {
    const { open } = await start()
    const response = await open('/stocks?contentType=application/json')
    expect(await response.finished).toBe('end')
    expect([response.status, response.headers['content-type']]).toEqual([200, 'application/json'])
    expect(response.text()).toBe('data: this response is not text/event-stream\n\n')
  })

  it('stall sends the headers and then not a byte until the stall is over', async () => {
    const { open, server } = await start()
    const stream = await open('/stocks?stall=60000')
    expect(stream.status).toBe(200)
    expect(stream.headers['content-type']).toBe('text/event-stream')
    server.tick()
    await server.close()
    expect(await stream.finished).toBe('end')
    expect(stream.text()).toBe('')
  })

  it('stall then streams, replaying what was published while it stalled', async () => {
    const { open, server } = await start()
    const stream = await open('/stocks?stall=20&lastEventId=0')
    server.tick()
    expect(await stream.until('id: 1\n\n')).toMatch(/^retry: 1000\n\nevent: stockUpdate\n/)
  })

  it('malformedAfter sends one malformed event after that many quotes, then carries on', async () => {
    const { open, server } = await start()
    const stream = await open('/stocks?malformedAfter=1')
    await stream.until('retry:')
    server.tick()
    server.tick()
    const body = await stream.until('id: 2\n\n')
    expect(body.indexOf(MALFORMED_FRAME)).toBeGreaterThan(body.indexOf('id: 1\n\n'))
    expect(body.indexOf(MALFORMED_FRAME)).toBeLessThan(body.indexOf('"id":2'))
    expect(body.split(MALFORMED_FRAME)).toHaveLength(2)
  })

  it('retry overrides the reconnection time sent on connect', async () => {
    const { open } = await start()
    const stream = await open('/stocks?retry=50')
    expect(await stream.until('\n\n')).toBe('retry: 50\n\n')
  })

  it('leaves other connections alone', async () => {
    const { open, server } = await start()
    const faulty = await open('/stocks?dropAfter=1')
    const healthy = await open('/stocks')
    await Promise.all([faulty.until('retry:'), healthy.until('retry:')])
    server.tick()
    server.tick()
    await faulty.finished
    expect(quoteCount(await healthy.until('id: 2\n\n'))).toBe(2)
  })
})
