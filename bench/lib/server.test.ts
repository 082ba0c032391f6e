import { afterEach, describe, expect, it } from 'vitest'
import { idSum, monotonicMs, quoteBody, type Quote } from './payloads'
import { startServer, type BenchServer } from './server'

let server: BenchServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function text(path: string) {
  server ??= await startServer()
  const response = await fetch(`${server.origin}${path}`)
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
  }
}

function quotes(body: string): Quote[] {
  return body
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)) as Quote)
}

describe('the bench server', () => {
  it('streams exactly the body built for the variant and count, as text/event-stream', async () => {
    const { status, type, body } = await text('/stream?variant=utf8&n=300&pass=p1')
    expect(status).toBe(200)
    expect(type).toBe('text/event-stream')
    expect(body).toBe(new TextDecoder().decode(quoteBody('utf8', 300)))
    expect(quotes(body).reduce((sum, q) => sum + q.id, 0)).toBe(idSum(300))
  })

  it('puts non-ASCII names in the utf8 variant and none in the ascii one', async () => {
    const ascii = new TextDecoder().decode(quoteBody('ascii', 200))
    const utf8 = new TextDecoder().decode(quoteBody('utf8', 200))
    expect([...ascii].every((char) => char.charCodeAt(0) < 0x80)).toBe(true)
    expect(utf8).toContain('Société Générale')
    expect(utf8).toContain('トヨタ自動車株式会社')
  })

  it('answers a second request of the same pass with 204 and counts both', async () => {
    await text('/stream?n=5&pass=twice')
    const again = await text('/stream?n=5&pass=twice')
    expect(again.status).toBe(204)
    expect(server?.connections('twice')).toBe(2)
    expect(server?.connections('never')).toBe(0)
  })

  it('generates the same events on the fly as it builds ahead', async () => {
    const { body } = await text('/generated?variant=ascii&n=2500')
    expect(body).toBe(new TextDecoder().decode(quoteBody('ascii', 2500)))
  })

  it('stamps every paced event with the monotonic time it was written', async () => {
    const before = monotonicMs()
    const { body } = await text('/paced?n=20&rate=1000')
    const after = monotonicMs()
    const sent = quotes(body).map((q) => q.sent ?? Number.NaN)
    expect(sent).toHaveLength(20)
    expect(sent.every((t) => t >= before && t <= after)).toBe(true)
    expect([...sent].sort((a, b) => a - b)).toEqual(sent)
  })

  it('refuses counts past its bound with 400', async () => {
    const { status, body } = await text('/stream?n=10000001')
    expect(status).toBe(400)
    expect(body).toBe('Error: bad n 10000001')
  })

  it('refuses a pace that is not a whole number of events per second', async () => {
    const { status, body } = await text('/paced?n=5&rate=fast')
    expect(status).toBe(400)
    expect(body).toBe('Error: bad rate NaN')
  })

  it('counts a held stream as open until the client leaves', async () => {
    server = await startServer()
    const controller = new AbortController()
    const response = await fetch(`${server.origin}/hold`, { signal: controller.signal })
    const reader = response.body?.getReader()
    await reader?.read()
    expect(server.openStreams()).toBe(1)
    controller.abort()
    await reader?.cancel().catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(server.openStreams()).toBe(0)
  })
})
