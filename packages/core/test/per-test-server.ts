import { EventSource } from 'eventsource'
import { afterEach, beforeEach } from 'vitest'
import type { EventStreamOptions } from '../src/stream'
import { eventSourceTransport } from '../src/transport'
import { startServer } from './sse-server'
import type { TestServer } from './sse-server'

/** The two transports as rows for `describe.each` / `it.each`: fetch, and the `eventsource` package. */
export const BOTH_TRANSPORTS: [string, Pick<EventStreamOptions, 'transport'>][] = [
  ['fetch', { transport: 'fetch' }],
  ['eventsource', { transport: eventSourceTransport({ EventSource }) }],
]

/**
 * A fresh test server for every test of the calling file or `describe`, and the streams a test
 * made, all closed after it. `server` may be replaced (e.g. after a test closed it on purpose).
 */
export function serverPerTest() {
  let current: TestServer | undefined
  const streams: { close(): void }[] = []
  beforeEach(async () => {
    current = await startServer()
  })
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close()
    await current?.close()
  })
  return {
    get server(): TestServer {
      if (current === undefined) throw new Error('no server outside a test')
      return current
    },
    set server(next: TestServer) {
      current = next
    },
    /** Closes `stream` after the test; returns it. */
    track<T extends { close(): void }>(stream: T): T {
      streams.push(stream)
      return stream
    },
  }
}
