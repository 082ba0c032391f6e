import { connect } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import { createStockServer } from './server'
import { openStream } from './test-client'

function refusesConnections(url: string): Promise<boolean> {
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

describe('close()', () => {
  it('ends every open stream cleanly, stops listening and resolves', async () => {
    const lines: string[] = []
    const server = createStockServer({ intervalMs: 0, heartbeatMs: 0, log: (l) => lines.push(l) })
    const { url } = await server.listen(0, '127.0.0.1')
    const streams = await Promise.all([openStream(`${url}/stocks`), openStream(`${url}/stocks`)])
    await Promise.all(streams.map((stream) => stream.until('retry:')))
    expect(server.connectionCount).toBe(2)

    await server.close()
    expect(await Promise.all(streams.map((stream) => stream.finished))).toEqual(['end', 'end'])
    expect(server.connectionCount).toBe(0)
    expect(await refusesConnections(url)).toBe(true)
    expect(lines.filter((line) => line.endsWith('reason shutdown'))).toHaveLength(2)
  })

  it('stops the feed and heartbeat timers so nothing is published after close', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      const server = createStockServer({ intervalMs: 10, heartbeatMs: 10 })
      await server.listen(0, '127.0.0.1')
      vi.advanceTimersByTime(30)
      expect(Number(server.log.latestId)).toBe(3)
      await server.close()
      vi.advanceTimersByTime(100)
      expect(Number(server.log.latestId)).toBe(3)
    } finally {
      vi.useRealTimers()
    }
  })

  it('resolves when the server never listened', async () => {
    await expect(createStockServer().close()).resolves.toBeUndefined()
  })
})

describe('connection log', () => {
  it('logs one line when a stream opens and one when it closes, with id, remote and resume point', async () => {
    const lines: string[] = []
    const server = createStockServer({ intervalMs: 0, heartbeatMs: 0, log: (l) => lines.push(l) })
    const { url } = await server.listen(0, '127.0.0.1')
    server.tick()
    const stream = await openStream(`${url}/stocks?dropAfter=1`, {
      headers: { 'Last-Event-ID': '0' },
    })
    await stream.finished
    await server.close()
    expect(lines).toEqual([
      expect.stringMatching(/^open #1 127\.0\.0\.1:\d+ resume after "0" faults: dropAfter=1$/),
      expect.stringMatching(/^close #1 127\.0\.0\.1:\d+ sent 1 events, reason dropAfter$/),
    ])
  })
})
