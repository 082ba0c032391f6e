import { afterEach, describe, expect, it, vi } from 'vitest'
import { QuoteFeed } from './feed'
import type { FeedSubscriber } from './feed'
import { createQuoteGenerator } from './quotes'
import type { BufferedEvent } from './replay-buffer'

function recorder() {
  const events: BufferedEvent[] = []
  const heartbeats: string[] = []
  const subscriber: FeedSubscriber = {
    event: (event) => events.push(event),
    heartbeat: (frame) => heartbeats.push(frame),
  }
  return { subscriber, events, heartbeats }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('QuoteFeed', () => {
  it('makes each quote once on one timer and hands the same frame to every subscriber', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const generate = vi.fn(createQuoteGenerator({ seed: 1 }))
    const feed = new QuoteFeed({ generate, intervalMs: 10, heartbeatMs: 0, bufferSize: 10 })
    const clients = [recorder(), recorder(), recorder()]
    for (const client of clients) feed.subscribe(client.subscriber)
    feed.start()
    vi.advanceTimersByTime(30)
    feed.stop()

    expect(generate).toHaveBeenCalledTimes(3)
    expect(vi.getTimerCount()).toBe(0)
    const [first, ...others] = clients.map((client) => client.events)
    expect(first?.map((event) => event.id)).toEqual([1, 2, 3])
    // The very same objects: serialised once, not once per client.
    for (const events of others) expect(events).toEqual(first)
    for (const events of others) expect(events[0]).toBe(first?.[0])
  })

  it('sends heartbeats to every subscriber on a second shared timer', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const feed = new QuoteFeed({
      generate: createQuoteGenerator({ seed: 1 }),
      intervalMs: 0,
      heartbeatMs: 5,
      bufferSize: 10,
    })
    const clients = [recorder(), recorder()]
    for (const client of clients) feed.subscribe(client.subscriber)
    feed.start()
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(10)
    feed.stop()
    for (const client of clients)
      expect(client.heartbeats).toEqual([': heartbeat\n\n', ': heartbeat\n\n'])
  })

  it('stops replaying to a subscriber that leaves part-way through', () => {
    const feed = new QuoteFeed({
      generate: createQuoteGenerator({ seed: 1 }),
      intervalMs: 0,
      heartbeatMs: 0,
      bufferSize: 10,
    })
    for (let i = 0; i < 5; i++) feed.tick()
    const seen: number[] = []
    const subscriber: FeedSubscriber = {
      event: (event) => {
        seen.push(event.id)
        if (seen.length === 2) feed.unsubscribe(subscriber)
      },
      heartbeat: () => {},
    }
    expect(feed.subscribe(subscriber, 0)).toMatchObject({ kind: 'replay' })
    feed.tick()
    expect(seen).toEqual([1, 2])
    expect(feed.subscriberCount).toBe(0)
  })
})
