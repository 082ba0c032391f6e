// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTransport } from '../../test/fake-transport'
import type { FakeTransport } from '../../test/fake-transport'
import { createEventStream } from './create-event-stream'
import { pageLifecycle } from './lifecycle'
import type { PageLifecycleOptions } from './lifecycle'
import type { StreamStatus } from './types'

// The page as the stream sees it; Chromium covers the real thing (test/chromium-lifecycle.test.ts).
function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}
function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true })
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}

let transport: FakeTransport
beforeEach(() => {
  vi.useFakeTimers()
  transport = fakeTransport()
  setVisibility('visible')
  setOnline(true)
})
afterEach(() => {
  vi.useRealTimers()
})

function open(options: PageLifecycleOptions) {
  const stream = createEventStream<{ message: number }>('http://test/sse', {
    transport,
    retry: { jitter: 0 },
    lifecycle: pageLifecycle(options),
  })
  const statuses: StreamStatus[] = []
  stream.status$.subscribe((status) => statuses.push(status))
  const values: number[] = []
  stream.on('message').subscribe((value) => values.push(value))
  return { stream, statuses, values }
}

describe('pauseWhenHidden', () => {
  it('disconnects after the grace period and resumes with the last event ID when shown', async () => {
    const { stream, values } = open({ pauseWhenHidden: 5000 })
    await vi.advanceTimersByTimeAsync(0)
    const first = transport.last
    first?.open()
    first?.send('message', 1, { id: 'a' })
    setVisibility('hidden')
    await vi.advanceTimersByTimeAsync(4999)
    expect(first?.closed).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(first?.closed).toBe(true)
    expect(stream.status).toEqual({ state: 'paused', reason: 'hidden' })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(transport.connections).toHaveLength(1)
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections).toHaveLength(2)
    expect(transport.last?.request.lastEventId).toBe('a')
    transport.last?.send('message', 2, { id: 'b' })
    expect(values).toEqual([1, 2])
    stream.close()
  })

  it('keeps the connection through a short hide', async () => {
    const { stream } = open({ pauseWhenHidden: true })
    await vi.advanceTimersByTimeAsync(0)
    setVisibility('hidden')
    await vi.advanceTimersByTimeAsync(9_000)
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(transport.connections).toHaveLength(1)
    expect(transport.last?.closed).toBe(false)
    stream.close()
  })

  it('stops listening to the page when the stream closes', async () => {
    const { stream } = open({ pauseWhenHidden: 1000 })
    await vi.advanceTimersByTimeAsync(0)
    stream.close()
    setVisibility('hidden')
    await vi.advanceTimersByTimeAsync(5000)
    setVisibility('visible')
    expect(stream.status.state).toBe('closed')
    expect(transport.connections).toHaveLength(1)
  })
})

describe('pauseWhenOffline', () => {
  it('makes no attempt while offline, and one at once when back online', async () => {
    const { stream } = open({ pauseWhenOffline: true })
    await vi.advanceTimersByTimeAsync(0)
    transport.last?.send('message', 1, { id: 'a' })
    setOnline(false)
    transport.last?.fail()
    expect(stream.status).toEqual({ state: 'paused', reason: 'offline' })
    await vi.advanceTimersByTimeAsync(120_000)
    expect(transport.connections).toHaveLength(1)
    setOnline(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections).toHaveLength(2)
    expect(transport.last?.request.lastEventId).toBe('a')
    stream.close()
  })

  it('skips the wait when the browser comes back online while reconnecting', async () => {
    const { stream } = open({ pauseWhenOffline: true })
    await vi.advanceTimersByTimeAsync(0)
    transport.last?.fail()
    expect(stream.status).toMatchObject({ state: 'reconnecting', delay: 1000 })
    setOnline(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections).toHaveLength(2)
    stream.close()
  })

  it('is off by default: an offline browser still backs off and retries', async () => {
    const { stream } = open({})
    await vi.advanceTimersByTimeAsync(0)
    setOnline(false)
    transport.last?.fail()
    expect(stream.status).toMatchObject({ state: 'reconnecting' })
    stream.close()
  })
})

describe('reconnectOnResume', () => {
  it('drops and resumes after the page comes back from the back/forward cache or a freeze', async () => {
    const { stream } = open({ reconnectOnResume: true })
    await vi.advanceTimersByTimeAsync(0)
    transport.last?.open()
    transport.last?.send('message', 1, { id: 'a' })
    const notPersisted = new Event('pageshow')
    window.dispatchEvent(notPersisted)
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections).toHaveLength(1)
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections).toHaveLength(2)
    expect(transport.connections[0]?.closed).toBe(true)
    document.dispatchEvent(new Event('resume'))
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections).toHaveLength(3)
    expect(transport.last?.request.lastEventId).toBe('a')
    stream.close()
  })

  it('reconnects once after the back/forward cache, though Chromium fires resume there too', async () => {
    const { stream } = open({ reconnectOnResume: true })
    await vi.advanceTimersByTimeAsync(0)
    transport.last?.open()
    // The order Chromium fires them in (test/chromium-lifecycle.test.ts pins it).
    window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }))
    document.dispatchEvent(new Event('freeze'))
    document.dispatchEvent(new Event('resume'))
    await vi.advanceTimersByTimeAsync(0)
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.connections).toHaveLength(2)
    expect(transport.connections.map((c) => c.closed)).toEqual([true, false])
    stream.close()
  })
})
