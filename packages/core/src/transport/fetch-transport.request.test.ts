import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { lastValueFrom, toArray } from 'rxjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fetchTransport } from './fetch-transport'

// What fetch is asked for (credentials, the Request itself) is visible only at the fetch layer:
// msw intercepts there, where a real server would see the bytes but not the options.
const mock = setupServer()
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }))
afterEach(() => mock.resetHandlers())
afterAll(() => mock.close())

const sse = (body: string) =>
  new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } })

describe('fetchTransport requests', () => {
  it('passes method, credentials, headers and body to fetch', async () => {
    const seen: unknown[] = []
    mock.use(
      http.put('https://api.test/stream', async ({ request }) => {
        seen.push([
          request.method,
          request.credentials,
          request.headers.get('x-client'),
          request.headers.get('accept'),
          await request.text(),
        ])
        return sse('data: ok\n\n')
      }),
    )
    const messages = await lastValueFrom(
      fetchTransport()
        .connect({
          url: 'https://api.test/stream',
          method: 'PUT',
          headers: { 'x-client': 'rivulet' },
          body: 'payload',
          credentials: 'include',
          lastEventId: '',
        })
        .pipe(toArray()),
    )
    expect(seen).toEqual([['PUT', 'include', 'rivulet', 'text/event-stream', 'payload']])
    expect(messages.map((m) => m.type).filter((t) => t !== 'activity')).toEqual(['open', 'events'])
  })

  it('lets the caller override the Accept header', async () => {
    const accepts: (string | null)[] = []
    mock.use(
      http.get('https://api.test/stream', ({ request }) => {
        accepts.push(request.headers.get('accept'))
        return sse('')
      }),
    )
    await lastValueFrom(
      fetchTransport()
        .connect({
          url: 'https://api.test/stream',
          method: 'GET',
          headers: { accept: 'text/event-stream, application/json' },
          body: undefined,
          credentials: undefined,
          lastEventId: '',
        })
        .pipe(toArray()),
    )
    expect(accepts).toEqual(['text/event-stream, application/json'])
  })
})
