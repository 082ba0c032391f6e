import type { ParseError } from './parse'

/**
 * The server answered with a status other than 200 (or 204, which is a clean stop).
 * `body` holds the start of the response body (at most `HTTP_ERROR_BODY_LIMIT` characters),
 * which is usually where an API explains what went wrong.
 */
export interface HttpError {
  readonly kind: 'http'
  readonly message: string
  readonly status: number
  readonly statusText: string
  /** Response headers, lower-cased names; `set-cookie` is left out, so errors can be logged. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** `Retry-After` in milliseconds, when the server sent a valid one. */
  readonly retryAfter: number | undefined
}

/** The response was not `text/event-stream`; the spec says not to reconnect. */
export interface ContentTypeError {
  readonly kind: 'content-type'
  readonly message: string
  /** The `Content-Type` header as received, or `null` when there was none. */
  readonly contentType: string | null
}

/**
 * The connection could not be made, or broke while streaming. In a browser, a refused
 * connection and a request blocked by CORS look the same to a page (`TypeError: Failed to
 * fetch`); the console names the cause (see the README's troubleshooting).
 */
export interface NetworkError {
  readonly kind: 'network'
  readonly message: string
  readonly cause: unknown
}

/** Nothing arrived for `idleTimeout` ms (see the option): the connection was dropped. */
export interface TimeoutError {
  readonly kind: 'timeout'
  readonly message: string
  /** The `idleTimeout` that passed, in ms. */
  readonly timeout: number
}

/**
 * The native `EventSource` gave up (the spec's "fail the connection": a non-200 status or a wrong
 * content type). Browsers do not tell which; `status` is set when the implementation reports it.
 */
export interface EventSourceError {
  readonly kind: 'eventsource'
  readonly message: string
  readonly status: number | undefined
}

/** The stream broke a parser limit (a line or an event too long). Wraps the parser's error. */
export interface StreamParseError {
  readonly kind: 'parse'
  readonly message: string
  readonly cause: ParseError
}

/**
 * The request could not be built or sent: a `url`, `headers` or `body` function threw, or a
 * value cannot go on the wire (an invalid URL or header). Never retried. Its message names the
 * part at fault, never a header value or a body.
 */
export interface RequestError {
  readonly kind: 'request'
  readonly message: string
  readonly cause: unknown
}

/** One event's payload could not be decoded. The stream goes on unless asked otherwise. */
export interface DecodeError {
  readonly kind: 'decode'
  readonly message: string
  readonly type: string
  readonly data: string
  readonly id: string | undefined
  readonly cause: unknown
}

/** One event's payload failed its schema (`schemas` option). The stream goes on unless asked otherwise. */
export interface ValidationError {
  readonly kind: 'validation'
  readonly message: string
  readonly type: string
  readonly data: string
  readonly id: string | undefined
  /** What the schema said, as Standard Schema issues (`message`, `path`). */
  readonly issues: readonly { readonly message: string; readonly path?: readonly unknown[] }[]
}

/** Reconnection stopped after `attempts` consecutive failures; `last` is the final one. */
export interface GaveUpError {
  readonly kind: 'gave-up'
  readonly message: string
  readonly attempts: number
  readonly last: ConnectionError
}

/** Why one connection attempt failed: what a retry policy decides on. */
export type ConnectionError =
  | HttpError
  | ContentTypeError
  | NetworkError
  | TimeoutError
  | EventSourceError
  | StreamParseError
  | RequestError

/** Every error a stream reports, discriminated by `kind`. */
export type StreamError = ConnectionError | DecodeError | ValidationError | GaveUpError

export type StreamErrorKind = StreamError['kind']

/** How much of an error response's body `HttpError.body` keeps. */
export const HTTP_ERROR_BODY_LIMIT = 1024

export function httpError(init: Omit<HttpError, 'kind' | 'message'>): HttpError {
  const text = init.statusText ? ' ' + init.statusText : ''
  return { kind: 'http', message: `HTTP ${init.status}${text}`, ...init }
}

export function contentTypeError(contentType: string | null): ContentTypeError {
  return {
    kind: 'content-type',
    message: `expected text/event-stream, got ${contentType ?? 'no content type'}`,
    contentType,
  }
}

export function networkError(cause: unknown): NetworkError {
  let message = 'network error: ' + describe(cause)
  // A page cannot tell a refused connection from a request the browser blocked: say both.
  if (typeof document !== 'undefined' && cause instanceof TypeError)
    message += ' (server unreachable, or request blocked by CORS: the console says which)'
  return { kind: 'network', message, cause }
}

export function timeoutError(timeout: number): TimeoutError {
  return { kind: 'timeout', message: `no data for ${timeout} ms`, timeout }
}

export function eventSourceError(status: number | undefined): EventSourceError {
  const detail = status === undefined ? '' : ` (HTTP ${status})`
  return { kind: 'eventsource', message: 'EventSource failed the connection' + detail, status }
}

export function parseError(cause: ParseError): StreamParseError {
  return { kind: 'parse', message: cause.message, cause }
}

/** `cause` is described in the message: pass an error of your own, never one holding secrets. */
export function requestError(cause: unknown): RequestError {
  return { kind: 'request', message: 'could not build the request: ' + describe(cause), cause }
}

export function decodeError(
  event: { type: string; data: string; id: string | undefined },
  cause: unknown,
): DecodeError {
  return {
    kind: 'decode',
    message: `could not decode "${event.type}" event: ${describe(cause)}`,
    type: event.type,
    data: event.data,
    id: event.id,
    cause,
  }
}

export function validationError(
  event: { type: string; data: string; id: string | undefined },
  issues: ValidationError['issues'],
): ValidationError {
  const first = issues[0]?.message ?? 'invalid'
  return {
    kind: 'validation',
    message: `invalid "${event.type}" event: ${first}`,
    type: event.type,
    data: event.data,
    id: event.id,
    issues,
  }
}

export function gaveUpError(attempts: number, last: ConnectionError): GaveUpError {
  return {
    kind: 'gave-up',
    message: `gave up after ${attempts} attempts: ${last.message}`,
    attempts,
    last,
  }
}

const KINDS =
  'http content-type network timeout eventsource parse request decode validation gave-up'.split(' ')

/** Narrows an unknown value (e.g. from an RxJS error channel) to a stream error. */
export function isStreamError(value: unknown): value is StreamError {
  return (
    typeof value === 'object' &&
    value !== null &&
    KINDS.includes((value as { kind?: unknown }).kind as string)
  )
}

function describe(cause: unknown): string {
  // Errors and the error events of EventSource implementations both carry a `message`.
  const message = (cause as { message?: unknown } | null)?.message
  if (typeof message === 'string' && message !== '') return message
  return typeof Event !== 'undefined' && cause instanceof Event
    ? cause.type + ' event'
    : String(cause)
}
