// Bundled by chromium.test.ts and run in a real Chromium page: drives the public API there.
import { firstValueFrom, take, tap, toArray } from 'rxjs'
import { createEventStream, eventSourceTransport } from '../src'
import type { StreamStatus } from '../src'

export interface BrowserRun {
  /** `default`: no `transport` option. */
  transport: 'default' | 'fetch' | 'eventsource'
  path: string
  /** How many `tick` events to collect before closing. */
  count: number
}

export interface BrowserResult {
  ticks: unknown[]
  /** The `id` of every event, in the order they arrived. */
  ids: (string | undefined)[]
  messages: unknown[]
  states: StreamStatus['state'][]
  lastEventId: string
  transport: string
}

async function run({ transport, path, count }: BrowserRun): Promise<BrowserResult> {
  const stream = createEventStream<{ tick: { n: number }; message: string }>(path, {
    transport:
      transport === 'eventsource'
        ? eventSourceTransport()
        : transport === 'fetch'
          ? 'fetch'
          : undefined,
    retry: { initialDelay: 1, minDelay: 1, jitter: 0 },
  })
  const states: StreamStatus['state'][] = []
  stream.status$.subscribe((status) => states.push(status.state))
  const ids: (string | undefined)[] = []
  stream.events$.subscribe((event) => ids.push(event.id))
  const messages: unknown[] = []
  stream.on('message').subscribe((message) => messages.push(message))
  // Progress the test can wait for, e.g. before it drops the connection.
  const g = globalThis as { ticksSeen?: number }
  g.ticksSeen = 0
  const ticks = await firstValueFrom(
    stream.on('tick').pipe(
      tap(() => (g.ticksSeen = (g.ticksSeen ?? 0) + 1)),
      take(count),
      toArray(),
    ),
  )
  stream.close()
  return {
    ticks,
    ids,
    messages,
    states,
    lastEventId: stream.lastEventId,
    // Which constructor carried the stream: fetch streaming keeps the EventSource count at 0.
    transport: (globalThis as { usedEventSource?: number }).usedEventSource
      ? 'eventsource'
      : 'fetch',
  }
}

// Counts native EventSource constructions, to show which transport carried the stream.
const Native = globalThis.EventSource
globalThis.EventSource = class extends Native {
  constructor(url: string | URL, init?: EventSourceInit) {
    super(url, init)
    const g = globalThis as { usedEventSource?: number }
    g.usedEventSource = (g.usedEventSource ?? 0) + 1
  }
}

;(globalThis as { rivulet?: unknown }).rivulet = { run }
