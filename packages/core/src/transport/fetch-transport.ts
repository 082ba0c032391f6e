import { Observable } from 'rxjs'
import type { ConnectionError } from '../errors'
import {
  contentTypeError,
  HTTP_ERROR_BODY_LIMIT,
  httpError,
  networkError,
  parseError,
  requestError,
} from '../errors'
import { createParser } from '../parse'
import { parseRetryAfter } from '../retry/backoff'
import { isEventStream } from './content-type'
import { eventBatch } from './event-batch'
import { lastEventIdHeader } from './last-event-id'
import type { Transport, TransportMessage, TransportRequest } from './types'

export interface FetchTransportOptions {
  /** The `fetch` to use; default `globalThis.fetch`, looked up when connecting. */
  readonly fetch?: typeof fetch
  /** Parser limit: the longest line accepted, in UTF-16 code units. Default 4 MiB. */
  readonly maxLineLength?: number
  /** Parser limit: the largest event accepted, in UTF-16 code units. Default 16 MiB. */
  readonly maxEventLength?: number
  /**
   * How long to wait for the start of an error response's body, in ms, before reporting the
   * `http` error with what has arrived. Bounds a server that sends a status and then stalls, which
   * would otherwise hold off the reconnection for good. Default 1000.
   */
  readonly errorBodyTimeout?: number
}

const OPEN: TransportMessage = { type: 'open' }
const NO_BODY = 'this fetch cannot stream a response body; use transport: eventSourceTransport()'
const ACTIVITY: TransportMessage = { type: 'activity' }

/**
 * Streams events over `fetch` and a `ReadableStream` body: any method, headers, body and
 * credentials. Faster than native `EventSource` in browsers, which dispatches every event as a
 * task of its own (figures: bench/README.md).
 *
 * Shaped like RxJS `fromFetch`: each subscriber gets its own `AbortController`; teardown aborts the
 * request, cancels the body reader and resets the parser, so a chunk being parsed dispatches
 * nothing more.
 */
export function fetchTransport(options: FetchTransportOptions = {}): Transport {
  return {
    name: 'fetch',
    connect: (request) =>
      new Observable<TransportMessage>((subscriber) => {
        const controller = new AbortController()
        // The events of the chunk being parsed go out as one message after it.
        const { add, flush, send } = eventBatch((message) => subscriber.next(message))
        const parser = createParser({
          onEvent: add,
          onId: (lastEventId) => send({ type: 'last-event-id', lastEventId }),
          onRetry: (delay) => send({ type: 'retry', delay }),
          onComment: (text) => send({ type: 'comment', text }),
          onError: (error) => fail(parseError(error)),
          lastEventId: request.lastEventId,
          maxLineLength: options.maxLineLength,
          maxEventLength: options.maxEventLength,
        })
        let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
        const fail = (error: ConnectionError) => {
          flush()
          subscriber.error(error)
        }
        const cancel = (response: Response) => void response.body?.cancel().catch(ignore)

        const run = async () => {
          // A plain call, so a platform fetch gets the global `this` it needs ("Illegal invocation").
          const fetchImpl = options.fetch ?? globalThis.fetch
          const init = requestInit(request, controller.signal)
          if (typeof init === 'string') return fail(requestError(new Error(init)))
          const response = await fetchImpl(request.url, init)
          if (subscriber.closed) return cancel(response)
          // spec: "HTTP 204 No Content … must prevent the user agent from reconnecting"
          if (response.status === 204) {
            cancel(response)
            subscriber.next({ type: 'no-content' })
            return subscriber.complete()
          }
          if (response.status !== 200)
            return fail(await toHttpError(response, options.errorBodyTimeout ?? 1000))
          const contentType = response.headers.get('content-type')
          if (!isEventStream(contentType)) {
            cancel(response)
            return fail(contentTypeError(contentType))
          }
          // A fetch that cannot stream a body (React Native's, a whatwg-fetch polyfill) gives
          // none: every attempt would end at once, cleanly, reconnecting forever without an error.
          if (!response.body) return fail(requestError(new Error(NO_BODY)))
          subscriber.next(OPEN)
          // A listener may have closed the stream on open: read nothing then.
          if (subscriber.closed) {
            cancel(response)
            return subscriber.complete()
          }
          reader = response.body.getReader()
          for (;;) {
            const { done, value } = await reader.read()
            if (subscriber.closed) return
            if (done) {
              parser.end()
              return subscriber.complete()
            }
            subscriber.next(ACTIVITY)
            parser.feed(value)
            flush()
          }
        }

        run().catch((error: unknown) => {
          if (!subscriber.closed) fail(networkError(error))
        })

        return () => {
          parser.reset()
          controller.abort()
          reader?.cancel().catch(ignore)
        }
      }),
  }
}

/**
 * The fetch options for one attempt, or why it cannot be sent. Checked here, before `fetch`,
 * because fetch rejects a bad header value or URL with the same `TypeError` as a refused
 * connection (and quotes the value, which may be a token): such a request is a fatal `request`
 * error, never a retried `network` one.
 */
function requestInit(request: TransportRequest, signal: AbortSignal): RequestInit | string {
  const headers: Record<string, string> = { accept: 'text/event-stream', ...request.headers }
  // spec: "If the EventSource object's last event ID string is not the empty string, set
  // `Last-Event-ID`". Through fetch this is a non-safelisted header: cross-origin it needs CORS.
  if (request.lastEventId !== '') {
    const value = lastEventIdHeader(request.lastEventId)
    if (value === undefined) return 'the last event ID cannot be sent in a header'
    headers['last-event-id'] = value
  }
  for (const name in headers) {
    try {
      new Headers([[name, headers[name] as string]])
    } catch {
      return `invalid value for header "${name}"`
    }
  }
  try {
    new URL(request.url, globalThis.location?.href)
  } catch {
    return 'invalid URL'
  }
  const init: RequestInit = { method: request.method, headers, signal }
  if (request.body != null) init.body = request.body
  if (request.credentials !== undefined) init.credentials = request.credentials
  return init
}

async function toHttpError(response: Response, timeout: number): Promise<ConnectionError> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  return httpError({
    status: response.status,
    statusText: response.statusText,
    headers,
    body: await readStart(response, timeout),
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  })
}

/** Reads at most `HTTP_ERROR_BODY_LIMIT` characters of a body within `timeout` ms. */
async function readStart(response: Response, timeout: number): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  // Cancelling ends a pending read as `done`, so a stalled body yields what had arrived.
  const deadline = setTimeout(() => void reader.cancel().catch(ignore), timeout)
  const decoder = new TextDecoder()
  let text = ''
  try {
    while (text.length < HTTP_ERROR_BODY_LIMIT) {
      const { done, value } = await reader.read()
      if (done) {
        text += decoder.decode()
        break
      }
      text += decoder.decode(value, { stream: true })
    }
  } catch {
    // What had arrived is all there is.
  } finally {
    clearTimeout(deadline)
    reader.cancel().catch(ignore)
  }
  return text.slice(0, HTTP_ERROR_BODY_LIMIT)
}

function ignore(): void {}
