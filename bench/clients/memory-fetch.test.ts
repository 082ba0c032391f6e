import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cut, expectedConnections, inMemory, installMemoryFetch, passUrl } from './memory-fetch'

const body = new TextEncoder().encode('data: 1\n\ndata: 2\n\ndata: 3\n\n') // 27 bytes
const network: string[] = []
const original = globalThis.fetch

beforeEach(() => {
  network.length = 0
  globalThis.fetch = (input: string | URL | Request) => {
    network.push(String(input))
    return Promise.resolve(new Response(body, { headers: { 'content-type': 'text/event-stream' } }))
  }
  installMemoryFetch()
})
afterEach(() => {
  globalThis.fetch = original
})

async function chunksOf(response: Response): Promise<number[]> {
  const sizes: number[] = []
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return sizes
    sizes.push(value.byteLength)
  }
}

describe('installMemoryFetch', () => {
  it('fetches a body once, then serves it from memory in chunks of the size asked', async () => {
    const first = await fetch(inMemory('http://127.0.0.1:1/stream?n=3&pass=a', 10))
    expect(await chunksOf(first)).toEqual([10, 10, 7])
    const second = await fetch(inMemory('http://127.0.0.1:1/stream?n=3&pass=b', 4))
    expect(second.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(await new Response(second.body).text()).toBe(new TextDecoder().decode(body))
    expect(network).toEqual(['http://127.0.0.1:1/stream?n=3&pass=a'])
  })

  it('keeps each stream apart and leaves other URLs to the network', async () => {
    await fetch(inMemory('http://127.0.0.1:1/stream?n=3&pass=a', 10))
    await fetch(inMemory('http://127.0.0.1:1/stream?n=4&pass=b', 10))
    await fetch('http://127.0.0.1:1/stream?n=3&pass=c')
    expect(network).toHaveLength(3)
  })

  it('ends the body with the abort reason when the request is aborted', async () => {
    const controller = new AbortController()
    const url = inMemory('http://127.0.0.1:1/stream?n=3&pass=a', 1)
    const response = await fetch(url, { signal: controller.signal })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    controller.abort(new Error('closed by the client'))
    await expect(reader.read()).rejects.toThrow('closed by the client')
  })
})

describe('cut', () => {
  it('cuts a body into chunks of the size asked, the last one shorter', () => {
    expect(cut(body, 27).map((c) => c.byteLength)).toEqual([27])
    expect(cut(body, 8).map((c) => c.byteLength)).toEqual([8, 8, 8, 3])
  })
})

describe('expectedConnections', () => {
  it('expects one connection a pass over the network, and only the first in memory', () => {
    expect(expectedConnections(undefined, false)).toBe(1)
    expect(expectedConnections(65536, true)).toBe(1)
    expect(expectedConnections(65536, false)).toBe(0)
  })
})

describe('passUrl', () => {
  it('asks the server for n events, or in memory for the body of the timed passes', () => {
    expect(passUrl('http://h', 'utf8', 10, 200, 'p', undefined)).toBe(
      'http://h/stream?variant=utf8&n=10&pass=p',
    )
    expect(passUrl('', 'ascii', 10, 200, 'p', 65536)).toBe(
      '/stream?variant=ascii&n=200&pass=p&memory=65536',
    )
  })
})
