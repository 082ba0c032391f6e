// Rivulet through its public API only, from the built package, as an app uses it.
import { createEventStream, eventSourceTransport } from '@rivulet/core'
import type { EventSourceConstructor, EventStream } from '@rivulet/core'
import { createParser } from '@rivulet/core/parser'
import { EVENT_TYPE, type Quote } from '../lib/quote'
import { openBody, readChunks } from './read'
import { endedByUs, message, type Client, type Session, type Sink } from './types'

type Events = { [EVENT_TYPE]: Quote }

/** `on(type)` delivers the decoded payload (the default decoder is JSON.parse). */
function session(stream: EventStream<Events>, sink: Sink): Session {
  const errors: string[] = []
  const reported = stream.errors$.subscribe((error) =>
    errors.push(`${error.kind}: ${message(error)}`),
  )
  const done = new Promise<void>((resolve, reject) => {
    stream.on(EVENT_TYPE).subscribe({ next: sink, complete: resolve, error: reject })
  }).finally(() => reported.unsubscribe())
  return { done, close: () => stream.close(), errors }
}

export const rivuletFetch: Client = {
  id: 'rivulet-fetch',
  label: "Rivulet, fetch transport: createEventStream(url, { transport: 'fetch' }).on(type)",
  decodes: true,
  open: (url, sink) => session(createEventStream<Events>(url, { transport: 'fetch' }), sink),
}

export function rivuletEventSource(EventSource: EventSourceConstructor, over: string): Client {
  return {
    id: 'rivulet-es',
    label: `Rivulet, EventSource transport over ${over}`,
    decodes: true,
    open: (url, sink) =>
      session(
        createEventStream<Events>(url, { transport: eventSourceTransport({ EventSource }) }),
        sink,
      ),
  }
}

/** The bare parser on a fetch reader: what the stream layer adds on top is the difference. */
export const rivuletParser: Client = {
  id: 'rivulet-parser',
  label: 'Rivulet parser alone: fetch reader → createParser → JSON.parse',
  decodes: true,
  open(url, sink, probe) {
    const controller = new AbortController()
    const parser = createParser({
      onEvent: (event) => {
        if (event.type === EVENT_TYPE) sink(JSON.parse(event.data) as Quote)
      },
    })
    const done = openBody(url, controller.signal)
      .then((body) => readChunks(body, controller.signal, probe, (chunk) => parser.feed(chunk)))
      .then(() => parser.end())
      .catch(endedByUs(controller.signal))
    return { done, close: () => controller.abort(), errors: [] }
  },
}
