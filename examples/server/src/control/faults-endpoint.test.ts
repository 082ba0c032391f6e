import { afterEach, describe, expect, it } from 'vitest'
import { fetchText, startTestServer } from '../test-client'

let fixture: Awaited<ReturnType<typeof startTestServer>> | undefined
afterEach(async () => {
  await fixture?.stop()
  fixture = undefined
})

describe('/control/faults', () => {
  it('arms faults for the next connections only, then streams normally again', async () => {
    fixture = await startTestServer()
    const { url } = fixture
    const armed = await fetchText(`${url}/control/faults?status=503&times=2`, { method: 'POST' })
    expect(JSON.parse(armed.body)).toEqual({ faults: { status: 503, retryAfter: 1 }, remaining: 2 })

    expect((await fetchText(`${url}/stocks`)).status).toBe(503)
    expect((await fetchText(`${url}/stocks`)).status).toBe(503)
    const third = await fixture.open('/stocks')
    expect(third.status).toBe(200)
    expect(JSON.parse((await fetchText(`${url}/control/faults`)).body)).toEqual({
      faults: {},
      remaining: 0,
    })
  })

  it('lets a request with its own fault parameters keep them, without using up the armed ones', async () => {
    fixture = await startTestServer()
    const { url } = fixture
    await fetchText(`${url}/control/faults?status=500`, { method: 'POST' })
    expect((await fetchText(`${url}/stocks?status=204`)).status).toBe(204)
    expect((await fetchText(`${url}/stocks`)).status).toBe(500)
  })

  it('clears armed faults on DELETE', async () => {
    fixture = await startTestServer()
    const { url } = fixture
    await fetchText(`${url}/control/faults?dropAfter=0&times=5`, { method: 'POST' })
    await fetchText(`${url}/control/faults`, { method: 'DELETE' })
    const stream = await fixture.open('/stocks')
    fixture.server.tick()
    expect(await stream.until('id: 1\n\n')).toContain('event: stockUpdate')
  })

  it('rejects an empty or invalid arming request', async () => {
    fixture = await startTestServer()
    const { url } = fixture
    expect((await fetchText(`${url}/control/faults`, { method: 'POST' })).status).toBe(400)
    const bad = await fetchText(`${url}/control/faults?stall=x`, { method: 'POST' })
    expect([bad.status, JSON.parse(bad.body)]).toEqual([
      400,
      { error: expect.stringMatching(/stall/) },
    ])
    const times = await fetchText(`${url}/control/faults?status=503&times=0`, { method: 'POST' })
    expect(times.status).toBe(400)
  })

  it('is absent when the server is created with control: false', async () => {
    fixture = await startTestServer({ control: false })
    const response = await fetchText(`${fixture.url}/control/faults?status=503`, { method: 'POST' })
    expect(response.status).toBe(404)
  })
})
