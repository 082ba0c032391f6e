// The other clients, each used as its README shows, doing the same work per event as Rivulet:
// pick the event type, JSON.parse the data, hand it over.
import { fetchEventSource } from '@microsoft/fetch-event-source'
import { createEventSource } from 'eventsource-client'
import { createParser } from 'eventsource-parser'
import { EventSourceParserStream } from 'eventsource-parser/stream'
import type { EventSourceMessage } from 'eventsource-parser/stream'
import { events } from 'fetch-event-stream'
import { EVENT_TYPE, type Quote } from '../lib/quote'
import { openBody, readChunks } from './read'
import { endedByUs, message, type Client } from './types'

interface EventSourceInstance {
  readonly readyState: number
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void
  close(): void
}
export type BareEventSource = new (url: string) => EventSourceInstance

const CLOSED = 2

/** An `EventSource` used directly: the browser's, or the `eventsource` package in Node. */
export function bareEventSource(EventSource: BareEventSource, id: string, label: string): Client {
  return {
    id,
    label,
    decodes: true,
    open(url, sink) {
      const source = new EventSource(url)
      const errors: string[] = []
      let stop = () => {}
      const done = new Promise<void>((resolve, reject) => {
        stop = resolve
        source.addEventListener(EVENT_TYPE, (event) => sink(JSON.parse(event.data) as Quote))
        source.addEventListener('error', (event) => {
          errors.push(message((event as { message?: string }).message ?? 'error event'))
          if (source.readyState === CLOSED)
            reject(new Error(`EventSource closed: ${errors.at(-1)}`))
        })
      })
      return {
        done,
        close: () => {
          source.close()
          stop()
        },
        errors,
      }
    },
  }
}

export const eventsourceClient: Client = {
  id: 'eventsource-client',
  label: 'eventsource-client: createEventSource({ url, onMessage })',
  decodes: true,
  open(url, sink) {
    const errors: string[] = []
    let stop = () => {}
    const done = new Promise<void>((resolve) => (stop = resolve))
    const client = createEventSource({
      url,
      onMessage: (event) => {
        if (event.event === EVENT_TYPE) sink(JSON.parse(event.data) as Quote)
      },
      onScheduleReconnect: ({ delay }) => errors.push(`reconnect in ${delay} ms`),
    })
    return {
      done,
      close: () => {
        client.close()
        stop()
      },
      errors,
    }
  },
}

export const fetchEventSourceClient: Client = {
  id: 'fetch-event-source',
  label: '@microsoft/fetch-event-source: fetchEventSource(url, { onmessage })',
  decodes: true,
  open(url, sink) {
    // It calls window.clearTimeout and document.removeEventListener even with openWhenHidden;
    // in Node, where each client has a process of its own, these stand-ins touch no one else.
    const global = globalThis as { window?: unknown; document?: unknown }
    global.window ??= globalThis
    global.document ??= { hidden: false, addEventListener() {}, removeEventListener() {} }
    const controller = new AbortController()
    const errors: string[] = []
    const done = fetchEventSource(url, {
      signal: controller.signal,
      // Otherwise it watches `document.visibilityState`, which Node has not.
      openWhenHidden: true,
      onmessage: (event) => {
        if (event.event === EVENT_TYPE) sink(JSON.parse(event.data) as Quote)
      },
      onerror: (error: unknown) => {
        errors.push(message(error))
        throw error
      },
    })
    return { done, close: () => controller.abort(), errors }
  },
}

export const fetchEventStream: Client = {
  id: 'fetch-event-stream',
  label: 'fetch-event-stream: events(await fetch(url))',
  decodes: true,
  open(url, sink) {
    const controller = new AbortController()
    const run = async () => {
      const response = await fetch(url, {
        headers: { accept: 'text/event-stream' },
        signal: controller.signal,
      })
      for await (const event of events(response, controller.signal)) {
        if (event.event === EVENT_TYPE && event.data !== undefined)
          sink(JSON.parse(event.data) as Quote)
      }
    }
    return {
      done: run().catch(endedByUs(controller.signal)),
      close: () => controller.abort(),
      errors: [],
    }
  },
}

export const eventsourceParserStream: Client = {
  id: 'esp-stream',
  label: 'eventsource-parser 4 stream: body → TextDecoderStream → EventSourceParserStream',
  decodes: true,
  open(url, sink) {
    const controller = new AbortController()
    let reader: ReadableStreamDefaultReader<EventSourceMessage> | undefined
    const run = async () => {
      const body = await openBody(url, controller.signal)
      reader = body
        // DOM typings take any BufferSource in and so refuse a byte stream; the bytes are fine.
        .pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>)
        .pipeThrough(new EventSourceParserStream())
        .getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        if (value.event === EVENT_TYPE) sink(JSON.parse(value.data) as Quote)
      }
    }
    const close = () => {
      controller.abort()
      // As in read.ts: an abort alone can leave the last read pending in Node 20.
      void reader?.cancel().catch(() => {})
    }
    return { done: run().catch(endedByUs(controller.signal)), close, errors: [] }
  },
}

export const eventsourceParser: Client = {
  id: 'esp',
  label: 'fetch + eventsource-parser 4: reader → TextDecoder → createParser',
  decodes: true,
  open(url, sink, probe) {
    const controller = new AbortController()
    const decoder = new TextDecoder()
    const parser = createParser({
      onEvent: (event) => {
        if (event.event === EVENT_TYPE) sink(JSON.parse(event.data) as Quote)
      },
    })
    const done = openBody(url, controller.signal)
      .then((body) =>
        readChunks(body, controller.signal, probe, (chunk) =>
          parser.feed(decoder.decode(chunk, { stream: true })),
        ),
      )
      .catch(endedByUs(controller.signal))
    return { done, close: () => controller.abort(), errors: [] }
  },
}
