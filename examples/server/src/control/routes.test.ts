import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { fetchText, msftFrame, msftRising, openStream, startTestServer } from '../test-client'
import type { StockServerOptions } from '../server'

let fixture: Awaited<ReturnType<typeof startTestServer>> | undefined
afterEach(async () => {
  await fixture?.stop()
  fixture = undefined
})

async function start(options: StockServerOptions = {}) {
  fixture = await startTestServer({ quotes: msftRising(), ...options })
  return fixture
}

const post = async (url: string) => {
  const response = await fetchText(url, { method: 'POST' })
  return { status: response.status, body: JSON.parse(response.body) as unknown }
}

function refuses(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    socket.on('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.on('error', () => resolve(true))
  })
}

/** Polls (bounded: 200 tries, 25 ms apart) until the check holds. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return false
}

describe('POST /control/drop', () => {
  it('cuts every open stream inside its next event; a resume then gets that event whole', async () => {
    const { url, open, server } = await start()
    const streams = [await open('/stocks'), await open('/stocks')]
    await Promise.all(streams.map((stream) => stream.until('retry:')))
    server.tick()
    await Promise.all(streams.map((stream) => stream.until('id: 1\n\n')))

    expect(await post(`${url}/control/drop`)).toEqual({
      status: 200,
      body: { action: 'drop', streams: 2 },
    })
    server.tick()
    const second = msftFrame(2, 101)
    for (const stream of streams) {
      expect(await stream.finished).toBe('aborted')
      expect(stream.text()).toBe(
        `retry: 1000\n\n${msftFrame(1, 100.5)}${second.slice(0, Math.floor(second.length / 2))}`,
      )
    }
    const resumed = await open('/stocks', { headers: { 'Last-Event-ID': '1' } })
    expect(await resumed.until('id: 2\n\n')).toBe(`retry: 1000\n\n${second}`)
  })

  it('leaves streams opened after the call alone', async () => {
    const { url, open, server } = await start()
    await post(`${url}/control/drop`)
    const later = await open('/stocks')
    await later.until('retry:')
    server.tick()
    expect(await later.until('id: 1\n\n')).toBe(`retry: 1000\n\n${msftFrame(1, 100.5)}`)
  })
})

describe('POST /control/stall', () => {
  it('sends an open stream nothing, heartbeats included, then catches it up from the buffer', async () => {
    const { url, open, server } = await start({ heartbeatMs: 10 })
    const stalled = await open('/stocks')
    await stalled.until('retry: 1000\n\n')
    expect(await post(`${url}/control/stall?seconds=1`)).toEqual({
      status: 200,
      body: { action: 'stall', streams: 1, seconds: 1 },
    })
    const before = stalled.text()
    server.tick()
    server.tick()
    // A stream opened now gets the heartbeats the stalled one does not.
    const fresh = await open('/stocks?lastEventId=0')
    await fresh.until((body) => body.includes('id: 2\n\n') && body.endsWith(': heartbeat\n\n'))
    await fresh.until((body) => body.split(': heartbeat').length > 3)
    expect(stalled.text()).toBe(before)

    const caughtUp = await stalled.until('id: 2\n\n')
    expect(caughtUp.slice(before.length).replaceAll(': heartbeat\n\n', '')).toBe(
      `${msftFrame(1, 100.5)}${msftFrame(2, 101)}`,
    )
  })

  it('rejects a duration out of range with 400 and the reason', async () => {
    const { url } = await start()
    expect(await post(`${url}/control/stall?seconds=0`)).toEqual({
      status: 400,
      body: { error: 'seconds must be an integer from 1 to 600, got "0"' },
    })
  })
})

describe('POST /control/unavailable', () => {
  it('cuts the open streams and answers the next connections 503 with Retry-After', async () => {
    const { url, open } = await start()
    const stream = await open('/stocks')
    await stream.until('retry:')
    expect(await post(`${url}/control/unavailable?connections=2&retryAfter=4`)).toEqual({
      status: 200,
      body: { action: 'unavailable', cut: 1, connections: 2, retryAfter: 4 },
    })
    expect(await stream.finished).toBe('aborted')
    for (let i = 0; i < 2; i++) {
      const refused = await fetchText(`${url}/stocks`)
      expect([refused.status, refused.headers['retry-after']]).toEqual([503, '4'])
    }
    expect((await open('/stocks')).status).toBe(200)
  })
})

describe('POST /control/restart', () => {
  it('ends the streams, refuses connections while down, then comes back with the same ids', async () => {
    const { url, open, server } = await start({ shutdownGraceMs: 100 })
    const stream = await open('/stocks')
    await stream.until('retry:')
    server.tick()
    server.tick()
    await stream.until('id: 2\n\n')

    expect(await post(`${url}/control/restart?downSeconds=1`)).toEqual({
      status: 202,
      body: { action: 'restart', downSeconds: 1, streams: 1 },
    })
    expect(await stream.finished).toBe('end')
    expect(await eventually(() => refuses(url))).toBe(true)
    expect(await eventually(async () => !(await refuses(url)))).toBe(true)

    const resumed = await openStream(`${url}/stocks`, { headers: { 'Last-Event-ID': '2' } })
    await resumed.until('retry:')
    server.tick()
    expect(await resumed.until('id: 3\n\n')).toBe(`retry: 1000\n\n${msftFrame(3, 101.51)}`)
    resumed.close()
  })
})

describe('GET /control', () => {
  it('reports the instance, its backend and what is armed', async () => {
    const { url, open, server } = await start({ instance: 'left' })
    server.tick()
    await open('/stocks')
    await fetchText(`${url}/control/faults?status=500&times=3`, { method: 'POST' })
    const status = await fetchText(`${url}/control`)
    expect([status.status, status.headers['x-rivulet-instance']]).toEqual([200, 'left'])
    expect(JSON.parse(status.body)).toEqual({
      instance: 'left',
      connections: 1,
      backend: 'memory',
      producer: true,
      latestId: '1',
      buffered: 1,
      stateFile: null,
      faults: { faults: { status: 500, retryAfter: 1 }, remaining: 3 },
    })
  })

  it('answers 405 with Allow to a method an endpoint does not take', async () => {
    const { url } = await start()
    const response = await fetchText(`${url}/control/drop`)
    expect([response.status, response.headers.allow, JSON.parse(response.body)]).toEqual([
      405,
      'POST, OPTIONS',
      { error: 'use POST' },
    ])
  })
})

describe('the control API from an example app’s page', () => {
  const APP = 'http://localhost:5173'

  it('answers the preflight for a POST and lets the page read the answer', async () => {
    const { url } = await start()
    const preflight = await fetchText(`${url}/control/stall`, {
      method: 'OPTIONS',
      headers: { Origin: APP, 'Access-Control-Request-Method': 'POST' },
    })
    expect([preflight.status, preflight.headers['access-control-allow-origin']]).toEqual([204, APP])
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, POST, DELETE, OPTIONS')
    const answer = await fetchText(`${url}/control/drop`, {
      method: 'POST',
      headers: { Origin: APP },
    })
    expect([answer.status, answer.headers['access-control-allow-origin']]).toEqual([200, APP])
  })
})
