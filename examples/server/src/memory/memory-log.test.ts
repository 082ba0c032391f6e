import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LogEvent, LogSubscriber, ResetInfo } from '../log/types'
import { createQuoteGenerator } from '../quotes'
import { MemoryLog } from './memory-log'
import { MemoryProducer } from './memory-producer'

function recorder() {
  const events: LogEvent[] = []
  const heartbeats: string[] = []
  const resets: ResetInfo[] = []
  const subscriber: LogSubscriber = {
    event: (event) => events.push(event),
    heartbeat: (frame) => heartbeats.push(frame),
    reset: (info) => resets.push(info),
  }
  return { subscriber, events, heartbeats, resets }
}

function feed(options: { intervalMs?: number; heartbeatMs?: number; bufferSize?: number } = {}) {
  const log = new MemoryLog({
    bufferSize: options.bufferSize ?? 10,
    heartbeatMs: options.heartbeatMs ?? 0,
  })
  const generate = vi.fn(createQuoteGenerator({ seed: 1 }))
  const producer = new MemoryProducer(log, generate, options.intervalMs ?? 0)
  return { log, producer, generate }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('MemoryLog and MemoryProducer', () => {
  it('makes each quote once on one timer and hands the same frame to every subscriber', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { log, producer, generate } = feed({ intervalMs: 10 })
    const clients = [recorder(), recorder(), recorder()]
    for (const client of clients) log.join(client.subscriber, { kind: 'none' })
    await log.start()
    producer.start()
    vi.advanceTimersByTime(30)
    producer.stop()
    await log.stop()

    expect(generate).toHaveBeenCalledTimes(3)
    expect(vi.getTimerCount()).toBe(0)
    const [first, ...others] = clients.map((client) => client.events)
    expect(first?.map((event) => event.id)).toEqual(['1', '2', '3'])
    // The very same objects: serialised once, not once per client.
    for (const events of others) expect(events[0]).toBe(first?.[0])
  })

  it('sends heartbeats to every subscriber on one shared timer', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { log } = feed({ heartbeatMs: 5 })
    const clients = [recorder(), recorder()]
    for (const client of clients) log.join(client.subscriber, { kind: 'none' })
    await log.start()
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(10)
    await log.stop()
    for (const client of clients) {
      expect(client.heartbeats).toEqual([': heartbeat\n\n', ': heartbeat\n\n'])
    }
  })

  it('stops replaying to a subscriber that leaves part-way through', () => {
    const { log, producer } = feed()
    for (let i = 0; i < 5; i++) producer.tick()
    const seen: string[] = []
    const subscriber: LogSubscriber = {
      event: (event) => {
        seen.push(event.id)
        if (seen.length === 2) log.leave(subscriber)
      },
      heartbeat: () => {},
      reset: () => {},
    }
    log.join(subscriber, { kind: 'id', raw: '0' })
    producer.tick()
    expect(seen).toEqual(['1', '2'])
    expect(log.subscriberCount).toBe(0)
  })

  it('signals a reset for an id it cannot have sent, with "now" as the reset id', () => {
    const { log, producer } = feed({ bufferSize: 2 })
    for (let i = 0; i < 4; i++) producer.tick()
    const cases = ['株-7', '1', '9']
    const resets = cases.map((raw) => {
      const client = recorder()
      log.join(client.subscriber, { kind: 'id', raw })
      return client.resets
    })
    expect(resets).toEqual([
      [{ reason: 'unknown', latestId: 4, id: '4' }],
      [{ reason: 'too-old', oldestId: 3, latestId: 4, id: '4' }],
      [{ reason: 'unknown', latestId: 4, id: '4' }],
    ])
  })
})
