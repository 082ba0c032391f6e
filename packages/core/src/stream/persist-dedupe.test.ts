import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTransport } from '../../test/fake-transport'
import { createEventStream } from './create-event-stream'
import { inStorage } from './persist'

/** A Storage of our own, to see every write. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  const writes: [string, string][] = []
  return {
    writes,
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      writes.push([key, value])
      items.set(key, value)
    },
  }
}

describe('persist', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('resumes a stream made again from the id the last one kept, keyed by URL', async () => {
    const storage = memoryStorage()
    const transport = fakeTransport()
    const first = createEventStream('/stocks', { transport, persist: inStorage(storage) })
    first.events$.subscribe()
    await vi.advanceTimersByTimeAsync(0)
    transport.last?.send('message', 1, { id: '41' })
    transport.last?.send('message', 2, { id: '42' })
    first.close()
    expect(storage.items.get('rivulet:/stocks')).toBe('42')

    const second = createEventStream('/stocks', {
      transport,
      persist: inStorage(storage),
      lastEventId: '7',
    })
    expect(second.lastEventId).toBe('42')
    second.events$.subscribe()
    await vi.advanceTimersByTimeAsync(0)
    expect(transport.last?.request.lastEventId).toBe('42')
    second.close()
  })

  it('writes at most every 250 ms while connected, not per event', async () => {
    const storage = memoryStorage()
    const transport = fakeTransport()
    const stream = createEventStream('/feed', {
      transport,
      persist: inStorage(storage, { key: 'feed' }),
    })
    stream.events$.subscribe()
    await vi.advanceTimersByTimeAsync(0)
    for (let i = 1; i <= 100; i++) transport.last?.send('message', i, { id: String(i) })
    await vi.advanceTimersByTimeAsync(250)
    transport.last?.send('message', 101, { id: '101' })
    await vi.advanceTimersByTimeAsync(250)
    await vi.advanceTimersByTimeAsync(250)
    expect(storage.writes).toEqual([
      ['feed', '100'],
      ['feed', '101'],
    ])
    stream.close()
  })

  it('needs a key when the URL is a function, and survives a storage that throws', () => {
    expect(() => createEventStream(() => '/x', { persist: inStorage(memoryStorage()) })).toThrow(
      'inStorage() needs a key when the URL is a function',
    )
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('quota')
      },
    }
    const stream = createEventStream('/x', {
      transport: fakeTransport(),
      persist: inStorage(broken),
    })
    expect(stream.lastEventId).toBe('')
    stream.close()
  })

  it('is inert where there is no web storage (Node, server rendering)', () => {
    const stream = createEventStream('/x', {
      transport: fakeTransport(),
      persist: inStorage('session'),
    })
    expect(stream.lastEventId).toBe('')
    stream.close()
  })
})

describe('dedupe', () => {
  it('drops an event whose id was delivered before, and keeps events without ids', async () => {
    const transport = fakeTransport()
    const stream = createEventStream<{ message: number }>('/replaying', {
      transport,
      dedupe: true,
      retry: { initialDelay: 0, minDelay: 0, jitter: 0 },
    })
    const values: number[] = []
    stream.on('message').subscribe((value) => values.push(value))
    const first = await transport.connected()
    first.send('message', 1, { id: 'a' })
    first.send('message', 2, { id: 'b' })
    first.end()
    // A failover replays from further back than it should.
    const second = await transport.connected()
    second.send('message', 1, { id: 'a' })
    second.send('message', 2, { id: 'b' })
    second.send('message', 0)
    second.send('message', 3, { id: 'c' })
    expect(values).toEqual([1, 2, 0, 3])
    expect(stream.lastEventId).toBe('c')
    stream.close()
  })

  it('remembers only the last N ids', async () => {
    const transport = fakeTransport()
    const stream = createEventStream<{ message: number }>('/x', { transport, dedupe: 2 })
    const values: number[] = []
    stream.on('message').subscribe((value) => values.push(value))
    const server = await transport.connected()
    for (const id of ['1', '2', '3', '1', '3']) server.send('message', Number(id), { id })
    expect(values).toEqual([1, 2, 3, 1])
    stream.close()
  })
})
