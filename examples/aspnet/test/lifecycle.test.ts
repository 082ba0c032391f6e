// The process: settings, its connection log, and a graceful shutdown.
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { openRaw } from './raw-stream'
import { runStockServer, startStockServer, stopAllStockServers } from './stock-server'

afterEach(stopAllStockServers)

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

const LOG_LINE =
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: Rivulet\.StockServer\.ConnectionLog\[1\] #(\d+) 127\.0\.0\.1:(\d+) (\S+) (.*): sent (\d+) events, ended by (\S+)$/

describe('the connection log', () => {
  it('writes one line per stream when it ends: path, resume point, events sent and why', async () => {
    const server = await startStockServer({ interval: 50 })
    for (const path of ['/stocks', '/stocks2', '/stocks2-as-written']) {
      const response = await openRaw(`${server.url}${path}`)
      await response.events(2)
      response.close()
    }
    await server.waitForOutput(/#3 .* ended by/)
    await server.waitForOutput(/#1 .* ended by[^]*#2 .* ended by|#2 .* ended by[^]*#1 .* ended by/)
    const lines = server
      .connectionLines()
      .map((line) => LOG_LINE.exec(line)?.slice(1))
      .sort((a, b) => Number(a?.[0]) - Number(b?.[0]))
    expect(lines.map((fields) => fields && [fields[0], fields[2], fields[3], fields[5]])).toEqual([
      ['1', '/stocks', 'new', 'client'],
      ['2', '/stocks2', 'new', 'client'],
      ['3', '/stocks2-as-written', 'new', 'client'],
    ])
    expect(lines.every((fields) => Number(fields?.[4]) >= 2)).toBe(true)
    expect(server.problems()).toEqual([])
  })
})

describe('shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s ends every stream cleanly (final chunk), logs why and exits 0',
    async (signal) => {
      const server = await startStockServer({ interval: 50 })
      const streams = await Promise.all(
        ['/stocks', '/stocks2'].map((path) => openRaw(`${server.url}${path}`)),
      )
      await Promise.all(streams.map((stream) => stream.events(1)))
      server.signal(signal)
      expect(await Promise.all(streams.map((stream) => stream.finished))).toEqual(['end', 'end'])
      expect(await server.exited).toEqual({ code: 0, signal: null })
      const reasons = server.connectionLines().map((line) => LOG_LINE.exec(line)?.[6])
      expect(reasons).toEqual(['shutdown', 'shutdown'])
      expect(server.problems()).toEqual([])
    },
  )
})

describe('settings', () => {
  it('takes the port from PORT, and a --port flag over it', async () => {
    const [fromEnv, fromFlag] = [await freePort(), await freePort()]
    const byEnv = await startStockServer({}, { PORT: String(fromEnv) })
    const byFlag = await startStockServer({ port: fromFlag }, { PORT: String(fromEnv + 1) })
    expect([byEnv.port, byFlag.port]).toEqual([fromEnv, fromFlag])
  })

  it('refuses a bad value with the reason and the usage, exiting 2', async () => {
    const result = await runStockServer(['--port', '0', '--interval', 'soon'])
    expect(result.code).toBe(2)
    expect(result.output).toMatch(
      /^--interval must be a whole number from 1 to 3600000, not "soon"\nusage: dotnet StockServer\.dll/,
    )
  })
})
