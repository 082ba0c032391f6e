// A Node-only consumer (no DOM lib): what a server or CLI written in TypeScript compiles.
import { createEventStream, eventSourceTransport, fetchTransport } from '@rivulet/core'
import type { EventStreamOptions, HttpError, StreamStatus } from '@rivulet/core'
import { createParser } from '@rivulet/core/parser'
import { fakeTransport } from '@rivulet/core/testing'

type Events = { tick: { n: number } }
const options: EventStreamOptions<Events> = {
  headers: { authorization: 'Bearer t' },
  body: undefined,
  credentials: 'include',
  transport: fetchTransport({ fetch: globalThis.fetch }),
  idleTimeout: 30_000,
}
const stream = createEventStream<Events>('http://127.0.0.1:5000/ticks', options)
stream.on('tick').subscribe(({ n }) => console.log(n))
const status: StreamStatus = stream.status
const failure: HttpError | undefined = undefined
eventSourceTransport({ lastEventIdParam: null })
createParser({ onEvent: (event) => console.log(event.data) })
console.log(status, failure, fakeTransport().connections.length)
