// Resuming on GET /stocks2: replay from the Last-Event-ID header or the lastEventId query
// parameter out of the bounded buffer, and the reset an id gets when no replay can be right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRaw, utf8Header } from './raw-stream'
import type { RawResponse } from './raw-stream'
import { startStockServer, stopAllStockServers } from './stock-server'
import type { StockServerProcess } from './stock-server'
import { quoteIn, ROUND_TRIP_ID, stocks2Event } from './wire-format'

afterAll(stopAllStockServers)

/** The first `count` events of a stream; then it is closed. */
async function take(response: RawResponse, count: number): Promise<string[]> {
  const events = await response.events(count)
  response.close()
  return events
}

const idOf = (event: string | undefined): string => (event === undefined ? '' : quoteIn(event).id)
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('replay from a busy feed', () => {
  let server: StockServerProcess
  beforeAll(async () => {
    server = await startStockServer({ interval: 50, retry: 100 })
  })

  it('replays the quotes after the Last-Event-ID header byte for byte, then goes on live', async () => {
    const first = await openRaw(`${server.url}/stocks2`)
    const seen = await first.events(2)
    const resumed = await openRaw(`${server.url}/stocks2`, { 'Last-Event-ID': idOf(seen[0]) })
    const [earlier, replayed] = await Promise.all([take(first, 6), take(resumed, 5)])
    expect(replayed).toEqual(earlier.slice(1, 6))
  })

  it('takes the lastEventId query parameter when there is no header', async () => {
    const first = await openRaw(`${server.url}/stocks2`)
    const seen = await first.events(2)
    const resumed = await openRaw(`${server.url}/stocks2?lastEventId=${idOf(seen[0])}`)
    const [earlier, replayed] = await Promise.all([take(first, 6), take(resumed, 5)])
    expect(replayed).toEqual(earlier.slice(1, 6))
  })

  it('prefers the header to the query parameter', async () => {
    const first = await openRaw(`${server.url}/stocks2`)
    const seen = await first.events(3)
    const resumed = await openRaw(`${server.url}/stocks2?lastEventId=${idOf(seen[0])}`, {
      'Last-Event-ID': idOf(seen[1]),
    })
    const [earlier, replayed] = await Promise.all([take(first, 6), take(resumed, 4)])
    expect(replayed).toEqual(earlier.slice(2, 6))
  })
})

describe('replay from a feed that has published exactly one quote', () => {
  // An hour between quotes: the only quote is the one the feed publishes at start, so what a
  // connection replays is known exactly. Each connection's log line says how many it replayed.
  let server: StockServerProcess
  let only = ''
  beforeAll(async () => {
    server = await startStockServer({ interval: 3_600_000, retry: 100 })
    const old = '2000-01-01T00:00:00.0000000Z'
    ;[only = ''] = await take(await openRaw(`${server.url}/stocks2`, { 'Last-Event-ID': old }), 1)
  })

  const replayCount = async (lastEventId: string): Promise<string | undefined> => {
    const response = await openRaw(`${server.url}/stocks2`, { 'Last-Event-ID': lastEventId })
    response.close()
    const line = new RegExp(`after "${escapeRegExp(lastEventId)}" replay (\\d+)`)
    return (await server.waitForOutput(line))[1]
  }

  it('gives an id from before the process started every quote of this process', async () => {
    expect(only).toBe(stocks2Event(quoteIn(only), 100))
    expect(await replayCount('1999-12-31T23:59:59.9999999Z')).toBe('1')
  })

  it('sends the response headers at once, before any quote', async () => {
    const response = await openRaw(`${server.url}/stocks2`)
    response.close()
    expect([response.status, response.text()]).toEqual([200, ''])
  })

  it('replays nothing after the newest id, or after an id newer than any quote', async () => {
    expect(await replayCount(idOf(only))).toBe('0')
    expect(await replayCount('9999-12-31T23:59:59.9999999Z')).toBe('0')
  })
})

describe('reset', () => {
  // Two quotes kept: four quotes in, the first has been evicted.
  let server: StockServerProcess
  beforeAll(async () => {
    server = await startStockServer({ interval: 50, retry: 100, buffer: 2 })
  })

  /** The reset a request gets, checked to be the only event and followed by a clean end. */
  async function resetFor(headers: Record<string, string>, path = '/stocks2') {
    const response = await openRaw(`${server.url}${path}`, headers)
    expect(await response.finished).toBe('end')
    const body = response.text()
    const match =
      /^event: reset\ndata: (\{.*\})\nid: (.*)\nretry: 100\n\n$/.exec(body) ??
      expect.fail(`not one reset event: ${JSON.stringify(body)}`)
    return { body, data: JSON.parse(match[1] ?? '') as unknown, id: match[2] ?? '' }
  }

  it('answers an id whose successors were evicted with a too-old reset, then ends the response', async () => {
    const first = await openRaw(`${server.url}/stocks2`)
    const seen = await take(first, 4)
    const reset = await resetFor({ 'Last-Event-ID': idOf(seen[0]) })
    expect(reset.data).toEqual({
      reason: 'too-old',
      lastEventId: idOf(seen[0]),
      oldestId: expect.stringMatching(ROUND_TRIP_ID),
      latestId: reset.id,
    })
    const { oldestId, latestId } = reset.data as { oldestId: string; latestId: string }
    expect(reset.body).toBe(
      `event: reset\ndata: {"reason":"too-old","lastEventId":"${idOf(seen[0])}",` +
        `"oldestId":"${oldestId}","latestId":"${latestId}"}\nid: ${latestId}\nretry: 100\n\n`,
    )
    expect(idOf(seen[1]) < oldestId && oldestId < latestId).toBe(true)
  })

  it('resumes normally from the reset id, the newest quote', async () => {
    const first = await openRaw(`${server.url}/stocks2`)
    const seen = await take(first, 4)
    const reset = await resetFor({ 'Last-Event-ID': idOf(seen[0]) })
    const [next] = await take(
      await openRaw(`${server.url}/stocks2`, { 'Last-Event-ID': reset.id }),
      1,
    )
    expect(idOf(next) > reset.id).toBe(true)
  })

  it('still replays to an id whose successors are all in the buffer', async () => {
    const first = await openRaw(`${server.url}/stocks2`)
    const seen = await first.events(2)
    const resumed = await openRaw(`${server.url}/stocks2`, { 'Last-Event-ID': idOf(seen[1]) })
    const [earlier, replayed] = await Promise.all([take(first, 4), take(resumed, 2)])
    expect(replayed).toEqual(earlier.slice(2, 4))
  })

  it('answers an id this server never writes with an unknown reset', async () => {
    const reset = await resetFor({ 'Last-Event-ID': '42' })
    expect(reset.data).toEqual({
      reason: 'unknown',
      lastEventId: '42',
      oldestId: expect.stringMatching(ROUND_TRIP_ID),
      latestId: reset.id,
    })
    expect(reset.id).toMatch(ROUND_TRIP_ID)
  })

  it('reads a UTF-8 Last-Event-ID header and echoes it in the reset as UTF-8', async () => {
    const reset = await resetFor({ 'Last-Event-ID': utf8Header('kurs-ü') })
    expect(reset.data).toMatchObject({ reason: 'unknown', lastEventId: 'kurs-ü' })
    expect(Buffer.from(reset.body, 'utf8').includes(Buffer.from('"kurs-\u00fc"', 'utf8'))).toBe(
      true,
    )
  })

  it('takes an id that is not canonical round-trip format for unknown', async () => {
    // The same instant without the seventh digit: not an id this server wrote.
    const reset = await resetFor(
      { lastEventId: '' },
      '/stocks2?lastEventId=2026-01-01T00:00:00.000000Z',
    )
    expect(reset.data).toMatchObject({
      reason: 'unknown',
      lastEventId: '2026-01-01T00:00:00.000000Z',
    })
  })

  it('logs each reset as one line, and no warning or error', async () => {
    await resetFor({ 'Last-Event-ID': 'one-line' })
    await server.waitForOutput(
      /\/stocks2 after "one-line" reset unknown: sent 0 events, ended by reset/,
    )
    expect(server.problems()).toEqual([])
  })

  it('never resets on the as-written endpoint: an unknown id gets live (wrapped) quotes', async () => {
    const response = await openRaw(`${server.url}/stocks2-as-written`, { 'Last-Event-ID': '42' })
    const [event] = await take(response, 1)
    expect(response.status).toBe(200)
    expect(quoteIn(event ?? '').id).toMatch(ROUND_TRIP_ID)
    expect(event).toMatch(/^event: stockUpdate\ndata: \{"data":\{/)
  })
})
