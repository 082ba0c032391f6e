import { createStockServer } from '@rivulet/example-server'
import type { StockServer } from '@rivulet/example-server'
import { afterEach, describe, expect, it } from 'vitest'
import { outages, triggerOutage } from './outages'
import type { Outage, OutageId } from './outages'

let server: StockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** The reference server with one stream open, as the page would have it. */
async function serverWithOneStream(): Promise<{ control: string; stream: AbortController }> {
  server = createStockServer({ intervalMs: 0, heartbeatMs: 0, shutdownGraceMs: 50 })
  const { url } = await server.listen(0, '127.0.0.1')
  const stream = new AbortController()
  const response = await fetch(`${url}/stocks`, { signal: stream.signal })
  // Reading the first bytes proves the stream is registered before the control call.
  await response.body?.getReader().read()
  return { control: `${url}/control`, stream }
}

const find = (id: OutageId): Outage => {
  const outage = outages(6000).find((candidate) => candidate.id === id)
  if (outage === undefined) throw new Error(`no outage ${id}`)
  return outage
}

describe('the outage buttons', () => {
  it('offer four outages, the stall twice as long as the idle watchdog', () => {
    expect(outages(6000).map(({ id, label, request }) => [id, label, request])).toEqual([
      ['drop', 'Drop the connection mid-event', '/drop'],
      ['stall', 'Stall the stream', '/stall?seconds=12'],
      ['unavailable', 'Answer 503 with Retry-After', '/unavailable?connections=2&retryAfter=2'],
      ['restart', 'Restart the server', '/restart?downSeconds=2'],
    ])
    expect(find('stall').explains).toBe(
      'The server goes silent for 12 s, heartbeats too: the idle watchdog (6 s) reconnects.',
    )
    expect(outages(500).find((outage) => outage.id === 'stall')?.request).toBe('/stall?seconds=2')
  })

  it.each([
    ['drop', 'Dropping 1 stream inside the next event.'],
    ['stall', 'Stalled 1 stream for 12 s.'],
    ['unavailable', 'Cut 1 stream; the next 2 requests get 503 with Retry-After: 2.'],
    ['restart', 'Restarting the server: down for 2 s.'],
  ] as const)('say what the reference server did for %s', async (id, text) => {
    const { control, stream } = await serverWithOneStream()
    expect(await triggerOutage(control, find(id))).toEqual({ ok: true, text })
    stream.abort()
  })

  it('report an answer that is not a success, with its reason', async () => {
    server = createStockServer({ intervalMs: 0, heartbeatMs: 0, control: false })
    const { url } = await server.listen(0, '127.0.0.1')
    expect(await triggerOutage(`${url}/control`, find('drop'))).toEqual({
      ok: false,
      text: 'The control API answered HTTP 404.',
    })
  })

  it('report a server that does not answer, without throwing', async () => {
    const refused = async () => {
      throw new TypeError('Failed to fetch')
    }
    expect(await triggerOutage('http://127.0.0.1:9/control', find('stall'), refused)).toEqual({
      ok: false,
      text: 'The control API did not answer (Failed to fetch).',
    })
  })
})
