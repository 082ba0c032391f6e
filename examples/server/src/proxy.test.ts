import { afterEach, describe, expect, it } from 'vitest'
import { createRoundRobinProxy } from './proxy'
import type { RoundRobinProxy } from './proxy'
import { createStockServer } from './server'
import type { StockServer } from './server'
import { fetchText, openStream } from './test-client'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

async function instance(name: string): Promise<{ server: StockServer; url: string }> {
  const server = createStockServer({ intervalMs: 0, heartbeatMs: 0, instance: name })
  const { url } = await server.listen(0, '127.0.0.1')
  closers.push(() => server.close())
  return { server, url }
}

async function proxy(targets: string[], log?: (line: string) => void): Promise<string> {
  const started: RoundRobinProxy = createRoundRobinProxy({ targets, log })
  const { url } = await started.listen(0, '127.0.0.1')
  closers.push(() => started.close())
  return url
}

const servedBy = async (url: string) =>
  (await fetchText(`${url}/control`)).headers['x-rivulet-instance']

describe('createRoundRobinProxy', () => {
  it('sends each request to the next instance in turn', async () => {
    const a = await instance('a')
    const b = await instance('b')
    const url = await proxy([a.url, b.url])
    const order = []
    for (let i = 0; i < 4; i++) order.push(await servedBy(url))
    expect(order).toEqual(['a', 'b', 'a', 'b'])
  })

  it('skips an instance that refuses connections, and answers 502 when all do', async () => {
    const a = await instance('a')
    const b = await instance('b')
    const lines: string[] = []
    const url = await proxy([a.url, b.url], (line) => lines.push(line))
    await b.server.close()
    expect([await servedBy(url), await servedBy(url)]).toEqual(['a', 'a'])
    await a.server.close()
    const answer = await fetchText(`${url}/control`)
    expect([answer.status, answer.body]).toEqual([502, 'bad gateway: ECONNREFUSED\n'])
    expect(lines.at(-1)).toBe('#3 GET /control -> 502 (ECONNREFUSED)')
  })

  it('passes a cut inside an event on as a cut, never as a clean end', async () => {
    const a = await instance('a')
    const url = await proxy([a.url])
    const stream = await openStream(`${url}/stocks?dropMidEvent=0`)
    await stream.until('retry:')
    a.server.tick()
    expect(await stream.finished).toBe('aborted')
    expect(stream.text()).toMatch(/^retry: 1000\n\nevent: stockUpdate\ndata: /)
    expect(stream.text()).not.toMatch(/\n\n$/)
  })

  it('forwards the Last-Event-ID header byte for byte', async () => {
    const a = await instance('a')
    const url = await proxy([a.url])
    a.server.tick()
    a.server.tick()
    const stream = await openStream(`${url}/stocks`, { headers: { 'Last-Event-ID': '1' } })
    expect(await stream.until('id: 2\n\n')).toMatch(
      /^retry: 1000\n\nevent: stockUpdate\ndata: \{"id":2,/,
    )
    stream.close()
  })
})
