// A Rivulet client that records what it receives, through @rivulet/core's public API only. The
// same module runs in Node and, bundled, in Chromium (see browser-entry.ts).
import { createEventStream, eventSourceTransport } from '@rivulet/core'
import type { EventSourceConstructor, StreamState } from '@rivulet/core'

export interface Received<T> {
  /** Every `stockUpdate` payload, decoded. */
  readonly payloads: T[]
  /** `stream.lastEventId` as each payload arrived: the `id:` the event carried, if any. */
  readonly lastEventIds: string[]
  /** Every status the stream went through. */
  readonly states: StreamState[]
  /** The kind of every error the stream reported. */
  readonly errors: string[]
}

export interface Collector<T> {
  readonly received: Received<T>
  /** Resolves once `count` payloads have arrived. */
  waitFor(count: number): Promise<void>
  close(): void
}

export interface CollectOptions {
  readonly transport: 'fetch' | 'eventsource'
  /** The constructor for the EventSource transport: the `eventsource` package in Node. */
  readonly EventSource?: EventSourceConstructor
}

export function collect<T>(url: string, options: CollectOptions): Collector<T> {
  const stream = createEventStream<{ stockUpdate: T }>(url, {
    transport:
      options.transport === 'eventsource'
        ? eventSourceTransport({ EventSource: options.EventSource })
        : 'fetch',
    retry: { initialDelay: 50, jitter: 0 },
  })
  const received: Received<T> = { payloads: [], lastEventIds: [], states: [], errors: [] }
  const waiters = new Set<() => void>()
  stream.status$.subscribe((status) => received.states.push(status.state))
  stream.errors$.subscribe((error) => received.errors.push(error.kind))
  stream.on('stockUpdate').subscribe((payload) => {
    received.payloads.push(payload)
    received.lastEventIds.push(stream.lastEventId)
    for (const wake of waiters) wake()
  })
  return {
    received,
    waitFor: (count) =>
      new Promise((resolve) => {
        const check = (): void => {
          if (received.payloads.length < count) return
          waiters.delete(check)
          resolve()
        }
        waiters.add(check)
        check()
      }),
    close: () => stream.close(),
  }
}
