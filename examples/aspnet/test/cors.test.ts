// CORS for the example apps, by ASP.NET Core's CORS middleware: what it really sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRaw, stableHeaders } from './raw-stream'
import { startStockServer, stopAllStockServers } from './stock-server'
import type { StockServerProcess } from './stock-server'

afterAll(stopAllStockServers)

async function preflight(url: string, origin: string) {
  const response = await fetch(`${url}/stocks2`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'last-event-id',
    },
  })
  return { status: response.status, headers: [...response.headers].filter(([n]) => n !== 'date') }
}

/** The stream's headers for a GET from `origin`, without the ones every stream has. */
async function streamCorsHeaders(url: string, origin: string) {
  const response = await openRaw(`${url}/stocks2`, { Origin: origin })
  response.close()
  return stableHeaders(response).filter(([name]) => /^(access-control-|vary)/i.test(name))
}

describe('with the default origins (the example apps)', () => {
  let server: StockServerProcess
  beforeAll(async () => {
    server = await startStockServer({ interval: 50 })
  })

  it.each(
    [5173, 5174, 5175, 4173].flatMap((port) => [
      `http://localhost:${port}`,
      `http://127.0.0.1:${port}`,
    ]),
  )('lets %s read the stream, with credentials', async (origin) => {
    expect(await streamCorsHeaders(server.url, origin)).toEqual([
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Origin', origin],
      ['Vary', 'Origin'],
    ])
  })

  it('answers a preflight for Last-Event-ID from an app with 204 and the allowed headers', async () => {
    expect(await preflight(server.url, 'http://localhost:5173')).toEqual({
      status: 204,
      headers: [
        ['access-control-allow-credentials', 'true'],
        [
          'access-control-allow-headers',
          'Accept,Authorization,Cache-Control,Content-Type,Last-Event-ID',
        ],
        ['access-control-allow-methods', 'GET'],
        ['access-control-allow-origin', 'http://localhost:5173'],
        ['access-control-max-age', '600'],
        ['server', 'Kestrel'],
        ['vary', 'Origin'],
      ],
    })
  })

  it('gives any other origin no CORS headers, so its browser withholds the stream', async () => {
    expect(await preflight(server.url, 'http://localhost:3000')).toEqual({
      status: 204,
      headers: [['server', 'Kestrel']],
    })
    expect(await streamCorsHeaders(server.url, 'http://localhost:3000')).toEqual([])
  })
})

describe('with --origins', () => {
  it('allows exactly the listed origins', async () => {
    const server = await startStockServer({
      interval: 50,
      origins: 'http://a.test, http://b.test:8080',
    })
    expect(await streamCorsHeaders(server.url, 'http://b.test:8080')).toEqual([
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Origin', 'http://b.test:8080'],
      ['Vary', 'Origin'],
    ])
    expect(await streamCorsHeaders(server.url, 'http://localhost:5173')).toEqual([])
  })

  it('allows any origin with *, without credentials', async () => {
    const server = await startStockServer({ interval: 50 }, { CORS_ORIGINS: '*' })
    expect(await streamCorsHeaders(server.url, 'http://anywhere.test')).toEqual([
      ['Access-Control-Allow-Origin', '*'],
    ])
  })
})
