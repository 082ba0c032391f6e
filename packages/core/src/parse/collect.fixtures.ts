import { vi } from 'vitest'
import { createParser } from './parser'
import type { ParseError } from './parse-error'
import type { ParserOptions, ServerSentEvent } from './types'

/** Everything a parser reported while it was fed some chunks. */
export interface Collected {
  events: ServerSentEvent[]
  comments: string[]
  retries: number[]
  errors: ParseError[]
  lastEventId: string
}

/** Feeds `chunks` to a fresh parser, then ends the stream, and returns what it reported. */
export function collect(
  chunks: Iterable<string | Uint8Array>,
  options: Omit<ParserOptions, 'onEvent'> = {},
  create: typeof createParser = createParser,
): Collected {
  const result: Collected = { events: [], comments: [], retries: [], errors: [], lastEventId: '' }
  const parser = create({
    ...options,
    onEvent: (event) => result.events.push(event),
    onComment: (comment) => result.comments.push(comment),
    onRetry: (milliseconds) => result.retries.push(milliseconds),
    onError: (error) => result.errors.push(error),
  })
  for (const chunk of chunks) parser.feed(chunk)
  result.lastEventId = parser.lastEventId
  parser.end()
  return result
}

/** The stream cut in two at `index`. */
export function splitAt<T extends string | Uint8Array>(stream: T, index: number): T[] {
  return [stream.slice(0, index) as T, stream.slice(index) as T]
}

/** The stream cut into pieces of one unit (byte or UTF-16 code unit) each. */
export function oneByOne<T extends string | Uint8Array>(stream: T): T[] {
  const pieces: T[] = []
  for (let i = 0; i < stream.length; i++) pieces.push(stream.slice(i, i + 1) as T)
  return pieces
}

/**
 * `createParser` as browsers run it: loaded afresh with Node's `Buffer` hidden, so its decoder
 * takes the `TextDecoder` path instead of Node's.
 */
export async function createParserWithoutNodeBuffer(): Promise<typeof createParser> {
  vi.stubGlobal('Buffer', undefined)
  vi.resetModules()
  try {
    return (await import('./parser')).createParser
  } finally {
    vi.unstubAllGlobals()
    vi.resetModules()
  }
}

/**
 * `createParser` as the browser build has it (the package's `browser` export condition): with
 * the decoder of utf8-stream-decoder.browser.ts, the platform's `TextDecoder` alone.
 */
export async function createParserWithBrowserDecoder(): Promise<typeof createParser> {
  vi.resetModules()
  vi.doMock('./utf8-stream-decoder', () => import('./utf8-stream-decoder.browser'))
  try {
    return (await import('./parser')).createParser
  } finally {
    vi.doUnmock('./utf8-stream-decoder')
    vi.resetModules()
  }
}
