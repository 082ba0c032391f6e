// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTabs } from '../../../test/fake-tabs'
import type { FakeTabs } from '../../../test/fake-tabs'
import { fakeTransport } from '../../../test/fake-transport'
import type { FakeConnection, FakeTransport } from '../../../test/fake-transport'
import { networkError } from '../../errors'
import type { StreamError } from '../../errors'
import { createEventStream } from '../create-event-stream'
import { acrossTabs } from './share-tabs'
import type { EventStreamOptions, StreamStatus } from '../types'

// Each stream made here is a tab of its own: the fakes give every one its own channel and its
// own place in the lock's queue. Chromium covers real tabs (test/chromium-tabs.test.ts).

let transport: FakeTransport
let tabs: FakeTabs
const streams: { close(): void }[] = []

beforeEach(() => {
  vi.useFakeTimers()
  transport = fakeTransport()
})
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close()
  tabs.uninstall()
  vi.useRealTimers()
})

/** Lets every message, lock grant and election timer run. */
const settle = (ms = 10) => vi.advanceTimersByTimeAsync(ms)

/**
 * A server that numbers its events 1, 2, 3… and replays those after the `Last-Event-ID` it is
 * sent, as a resumable feed does.
 */
function replayingServer() {
  const ids: string[] = []
  const replay = (connection: FakeConnection) => {
    connection.open()
    const from = ids.indexOf(connection.request.lastEventId) + 1
    for (const id of ids.slice(from)) connection.send('tick', Number(id), { id })
  }
  transport.autoRespond = replay
  return {
    /** Sends the next event on every open connection. */
    publish(count = 1) {
      for (let i = 0; i < count; i++) {
        const id = String(ids.length + 1)
        ids.push(id)
        for (const c of transport.connections) if (!c.closed) c.send('tick', Number(id), { id })
      }
    },
    get open() {
      return transport.connections.filter((c) => !c.closed)
    },
  }
}

function tab(options: EventStreamOptions<{ tick: number }> = {}) {
  const stream = createEventStream<{ tick: number }>('http://test/sse', {
    transport,
    share: acrossTabs(),
    retry: { jitter: 0 },
    ...options,
  })
  streams.push(stream)
  const statuses: StreamStatus[] = []
  stream.status$.subscribe((status) => statuses.push(status))
  const errors: StreamError[] = []
  stream.errors$.subscribe((error) => errors.push(error))
  const ticks: number[] = []
  let subscription = stream.on('tick').subscribe((n) => ticks.push(n))
  // Tabs opened one after the other: the BroadcastChannel fallback elects the oldest.
  vi.advanceTimersByTime(1)
  return {
    stream,
    statuses,
    errors,
    ticks,
    leave: () => subscription.unsubscribe(),
    join: () => (subscription = stream.on('tick').subscribe((n) => ticks.push(n))),
  }
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

describe.each([
  ['Web Locks', true],
  ['the BroadcastChannel fallback', false],
])('share: acrossTabs() elected with %s', (_, locks) => {
  beforeEach(() => {
    tabs = fakeTabs({ locks })
  })
  // The fallback waits for a claim to go unanswered; locks need no timer.
  const elect = () => settle(locks ? 10 : 600)

  it('holds one connection for three tabs, and every tab gets every event', async () => {
    const server = replayingServer()
    const [a, b, c] = [tab(), tab(), tab()]
    await elect()
    expect(transport.connections).toHaveLength(1)
    server.publish(3)
    await settle()
    for (const t of [a, b, c]) expect(t.ticks).toEqual([1, 2, 3])
    for (const t of [a, b, c]) expect(t.stream.lastEventId).toBe('3')
  })

  it('hands the connection over when the leader closes, resuming with its last event ID', async () => {
    const server = replayingServer()
    const [a, b, c] = [tab(), tab(), tab()]
    await elect()
    server.publish(2)
    await settle()
    a.stream.close()
    server.publish(2) // sent while nobody holds the connection: the next leader asks for them
    await elect()
    expect(transport.connections).toHaveLength(2)
    expect(transport.connections[0]?.closed).toBe(true)
    expect(transport.connections[1]?.request.lastEventId).toBe('2')
    server.publish()
    await settle()
    expect(a.ticks).toEqual([1, 2])
    expect(b.ticks).toEqual(upTo(5))
    expect(c.ticks).toEqual(upTo(5))
  })

  it('gives each tab the statuses of the connection, and its connection errors', async () => {
    replayingServer()
    const [a, b] = [tab(), tab()]
    await elect()
    transport.last?.fail()
    await settle()
    expect(a.stream.status).toMatchObject({
      state: 'reconnecting',
      attempt: 1,
      delay: 1000,
      error: { kind: 'network' },
      resumable: false,
    })
    expect(b.stream.status).toEqual(a.stream.status)
    expect(b.errors.map((e) => e.kind)).toEqual(['network'])
    await settle(1000)
    expect(a.stream.status).toEqual({ state: 'open' })
    expect(b.stream.status).toEqual({ state: 'open' })
    for (const t of [a, b])
      expect(t.statuses.map((s) => s.state)).toEqual([
        'idle',
        'connecting',
        'open',
        'reconnecting',
        'connecting',
        'open',
      ])
  })

  it('decodes and validates in every tab for itself', async () => {
    replayingServer()
    const a = tab()
    const strict = tab({ decode: { tick: (data) => Number(JSON.parse(data)) * 10 } })
    await elect()
    transport.last?.sendRaw({ type: 'tick', data: '4', id: 'x' })
    transport.last?.sendRaw({ type: 'tick', data: '{', id: 'y' })
    await settle()
    expect(a.ticks).toEqual([4])
    expect(strict.ticks).toEqual([40])
    expect(a.errors.map((e) => [e.kind, 'id' in e && e.id])).toEqual([['decode', 'y']])
    expect(strict.errors.map((e) => [e.kind, 'id' in e && e.id])).toEqual([['decode', 'y']])
    expect(strict.stream.lastEventId).toBe('y')
  })

  it('resumes from where the tabs were when a tab that joined late takes over', async () => {
    const server = replayingServer()
    const [a, early] = [tab(), tab()]
    await elect()
    server.publish(2)
    await settle()
    const late = tab()
    await elect()
    // The early tab leaves and comes back: now the late one is next in line.
    early.leave()
    early.join()
    await elect()
    a.stream.close()
    await elect()
    expect(transport.connections).toHaveLength(2)
    expect(transport.last?.request.lastEventId).toBe('2')
    server.publish()
    await settle()
    expect(late.ticks).toEqual([3])
    expect(early.ticks).toEqual(upTo(3))
  })

  it('catches a tab up when it comes back to a leader that joined after it', async () => {
    const server = replayingServer()
    const a = tab()
    await elect()
    server.publish(2)
    await settle()
    const b = tab()
    await elect()
    a.leave()
    await elect()
    expect(transport.last?.request.lastEventId).toBe('2')
    server.publish(2)
    await settle()
    a.join()
    await elect()
    server.publish()
    await settle()
    expect(a.ticks).toEqual(upTo(5))
    expect(b.ticks).toEqual([3, 4, 5])
    expect(transport.connections).toHaveLength(2)
  })

  it('catches a tab up on what it missed while its stream was idle', async () => {
    const server = replayingServer()
    const [a, b] = [tab(), tab()]
    await elect()
    server.publish(2)
    await settle()
    b.leave()
    server.publish(3)
    await settle()
    b.join()
    await settle()
    server.publish()
    await settle()
    expect(transport.connections).toHaveLength(1)
    expect(a.ticks).toEqual(upTo(6))
    expect(b.ticks).toEqual(upTo(6))
  })

  it('disconnects when the last tab leaves, and a tab that is idle never leads', async () => {
    const server = replayingServer()
    const [a, b] = [tab(), tab()]
    const idle = createEventStream('http://test/sse', { transport, share: acrossTabs() })
    streams.push(idle)
    await elect()
    server.publish()
    await settle()
    a.leave()
    await elect()
    expect(transport.connections).toHaveLength(2)
    b.leave()
    await elect()
    expect(server.open).toEqual([])
    expect(transport.connections).toHaveLength(2)
    expect(tabs.open).toEqual([])
    expect(idle.status).toEqual({ state: 'idle' })
  })

  it("acts on a follower's reconnect() in the leader", async () => {
    const server = replayingServer()
    const [, b] = [tab(), tab()]
    await elect()
    server.publish()
    await settle()
    b.stream.reconnect()
    await settle()
    expect(transport.connections).toHaveLength(2)
    expect(transport.connections[0]?.closed).toBe(true)
    expect(transport.connections[1]?.request.lastEventId).toBe('1')
  })

  it("closes every tab when the leader's stream ends for good (204)", async () => {
    transport.autoRespond = (connection) => connection.noContent()
    const [a, b] = [tab(), tab()]
    await elect()
    await settle()
    const closed = { state: 'closed', reason: 'no-content', error: undefined }
    expect(a.stream.status).toEqual(closed)
    expect(b.stream.status).toEqual(closed)
    expect(transport.connections).toHaveLength(1)
  })

  it('brings tabs back with restart(): the first connects, the next follows it', async () => {
    transport.autoRespond = (connection) => connection.noContent()
    const [a, b] = [tab(), tab()]
    await elect()
    replayingServer()
    b.stream.restart()
    b.join()
    await elect()
    a.stream.restart()
    a.join()
    await elect()
    expect(transport.connections).toHaveLength(2)
    transport.last?.send('tick', 7, { id: '7' })
    await settle()
    expect(a.ticks).toEqual([7])
    expect(b.ticks).toEqual([7])
    expect(a.stream.status).toEqual({ state: 'open' })
  })
})

describe('share: acrossTabs() across a takeover, with slow tabs', () => {
  beforeEach(() => {
    tabs = fakeTabs()
  })

  it('drops what a tab that was ahead of the new leader hears again', async () => {
    const server = replayingServer()
    const [a, b, c] = [tab(), tab(), tab()]
    await settle()
    server.publish(2)
    await settle()
    // B falls behind: it has not heard event 3 when A goes and B takes over from event 2.
    const [, bChannel] = tabs.open
    bChannel?.hold()
    server.publish()
    await settle()
    // B's server answers after C has asked B what it missed, as a real one would.
    transport.autoRespond = undefined
    a.stream.close()
    await settle()
    bChannel?.letGo()
    await settle()
    const replay = transport.connections[1]
    expect(replay?.request.lastEventId).toBe('2')
    replay?.open()
    replay?.send('tick', 3, { id: '3' })
    replay?.send('tick', 4, { id: '4' })
    await settle()
    expect(b.ticks).toEqual(upTo(4))
    expect(c.ticks).toEqual(upTo(4))
  })

  it('hands a tab that was behind the new leader what it had not heard', async () => {
    const server = replayingServer()
    const [a, b, c] = [tab(), tab(), tab()]
    await settle()
    server.publish()
    await settle()
    const [, , cChannel] = tabs.open
    cChannel?.hold()
    server.publish(2)
    await settle()
    a.stream.close()
    await settle()
    server.publish()
    await settle()
    cChannel?.letGo()
    await settle()
    expect(transport.connections[1]?.request.lastEventId).toBe('3')
    expect(b.ticks).toEqual(upTo(4))
    expect(c.ticks).toEqual(upTo(4))
  })

  it('follows the new leader when the old one answers late', async () => {
    const server = replayingServer()
    const [a, c] = [tab(), tab()]
    await settle()
    server.publish()
    await settle()
    const [aChannel, cChannel] = tabs.open
    if (aChannel) aChannel.latency = 150
    if (cChannel) cChannel.latency = 100
    // B asks A, which answers slowly; A goes, and C's word comes in before A's answer.
    const b = tab()
    await settle()
    a.stream.close()
    await settle(300)
    server.publish()
    await settle(300)
    expect(b.ticks).toEqual([2])
    expect(c.ticks).toEqual([1, 2])
  })

  it('ignores a reconnect() that the leader has moved on from', async () => {
    replayingServer()
    const [, b] = [tab(), tab()]
    await settle()
    // B asks while A is already reconnecting after a drop: the request names an older status.
    const [, bChannel] = tabs.open
    bChannel?.hold()
    transport.last?.fail()
    b.stream.reconnect()
    await settle()
    expect(transport.connections).toHaveLength(1)
    bChannel?.letGo()
    await settle()
    expect(b.stream.status).toMatchObject({ state: 'reconnecting', attempt: 1, delay: 1000 })
    await settle(1000)
    expect(transport.connections).toHaveLength(2)
  })

  it('skips the wait when a follower asks while it shows the leader reconnecting', async () => {
    replayingServer()
    const [, b] = [tab(), tab()]
    await settle()
    transport.last?.fail()
    await settle()
    expect(b.stream.status).toMatchObject({ state: 'reconnecting', attempt: 1, delay: 1000 })
    b.stream.reconnect()
    await settle()
    expect(transport.connections).toHaveLength(2)
    expect(b.stream.status).toEqual({ state: 'open' })
  })

  it('passes an error on even when its cause cannot be cloned', async () => {
    replayingServer()
    const [, b] = [tab(), tab()]
    await settle()
    transport.last?.fail(networkError({ retry: () => 1 }))
    await settle()
    expect(b.errors).toEqual([
      { kind: 'network', message: 'network error: [object Object]', cause: '[object Object]' },
    ])
  })

  it('lets go of the connection while the page is in the back/forward cache', async () => {
    const server = replayingServer()
    const [a, b] = [tab(), tab()]
    await settle()
    server.publish()
    await settle()
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }))
    await settle()
    expect(server.open).toEqual([])
    expect(tabs.open).toEqual([])
    server.publish()
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
    await settle()
    expect(server.open).toHaveLength(1)
    expect(transport.last?.request.lastEventId).toBe('1')
    await settle()
    expect(a.ticks).toEqual([1, 2])
    expect(b.ticks).toEqual([1, 2])
  })
})

describe('share: acrossTabs() with the BroadcastChannel fallback', () => {
  beforeEach(() => {
    tabs = fakeTabs({ locks: false })
  })

  it('settles two tabs that claim at once on one leader', async () => {
    tab()
    tab()
    await settle(300)
    await settle(300)
    expect(transport.connections).toHaveLength(1)
  })

  it('replaces a leader that falls silent', async () => {
    const server = replayingServer()
    const [, b] = [tab(), tab()]
    await settle(400)
    server.publish()
    await settle()
    // The leader's page stops answering: nothing it sends reaches the others any more.
    for (const channel of tabs.channels.filter((c) => c.name.endsWith(':election')).slice(0, 1))
      channel.mute()
    await settle(3400)
    expect(transport.connections).toHaveLength(1)
    await settle(500)
    expect(transport.connections).toHaveLength(2)
    expect(transport.last?.request.lastEventId).toBe('1')
    expect(b.ticks).toEqual([1])
  })
})
