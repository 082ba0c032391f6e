import { afterEach, describe, expect, it } from 'vitest'
import { fetchText, startTestServer } from './test-client'

const APP = 'http://localhost:5173'

let fixture: Awaited<ReturnType<typeof startTestServer>> | undefined
afterEach(async () => {
  await fixture?.stop()
  fixture = undefined
})

describe('CORS', () => {
  it('allows the stream from a configured origin', async () => {
    fixture = await startTestServer({ allowedOrigins: [APP] })
    const stream = await fixture.open('/stocks', { headers: { Origin: APP } })
    expect(stream.headers['access-control-allow-origin']).toBe(APP)
    expect(stream.headers['access-control-allow-credentials']).toBe('true')
    expect(stream.headers.vary).toBe('Origin')
  })

  it('gives no CORS grant to an origin that is not configured', async () => {
    fixture = await startTestServer({ allowedOrigins: [APP] })
    const stream = await fixture.open('/stocks', { headers: { Origin: 'http://evil.example' } })
    expect(stream.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('allows the example apps by default', async () => {
    fixture = await startTestServer()
    const stream = await fixture.open('/stocks', { headers: { Origin: 'http://127.0.0.1:5173' } })
    expect(stream.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173')
  })

  it('answers a preflight for Last-Event-ID with 204 and the allowed method and headers', async () => {
    fixture = await startTestServer({ allowedOrigins: [APP] })
    const response = await fetchText(`${fixture.url}/stocks`, {
      method: 'OPTIONS',
      headers: {
        Origin: APP,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'last-event-id',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers['access-control-allow-origin']).toBe(APP)
    expect(response.headers['access-control-allow-methods']).toBe('GET, POST, DELETE, OPTIONS')
    expect(response.headers['access-control-allow-headers']?.toLowerCase()).toContain(
      'last-event-id',
    )
  })

  it('refuses a preflight from an origin that is not configured', async () => {
    fixture = await startTestServer({ allowedOrigins: [APP] })
    const response = await fetchText(`${fixture.url}/stocks`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(response.status).toBe(403)
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('puts CORS headers on fault answers so a browser can read the status and Retry-After', async () => {
    fixture = await startTestServer({ allowedOrigins: [APP] })
    const response = await fetchText(`${fixture.url}/stocks?status=503&retryAfter=3`, {
      headers: { Origin: APP },
    })
    expect(response.status).toBe(503)
    expect(response.headers['access-control-allow-origin']).toBe(APP)
    expect(response.headers['access-control-expose-headers']).toBe(
      'Retry-After, X-Rivulet-Instance',
    )
  })
})
