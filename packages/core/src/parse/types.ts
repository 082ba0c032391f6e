import type { ParseError } from './parse-error'

/** One dispatched event, as the WHATWG "dispatch the event" steps define it. */
export interface ServerSentEvent {
  /** The `event:` field of the block, or `"message"` when it had none (or an empty one). */
  type: string
  /** The `data:` lines of the block joined by LF. */
  data: string
  /**
   * The stream's last event ID at dispatch: the most recent `id:` field of any completed block,
   * persisting across events until another `id:` changes it (spec: "The buffer does not get reset").
   */
  lastEventId: string
  /** The `id:` field carried by this very block, if it had a valid one; `undefined` otherwise. */
  id: string | undefined
}

export interface ParserOptions {
  /** Called for every dispatched event. */
  onEvent: (event: ServerSentEvent) => void
  /** Called for comment lines (`:` first), with the text after the colon and one optional space. */
  onComment?: (comment: string) => void
  /**
   * Called for a `retry:` field made only of ASCII digits, of any length, with their value in
   * milliseconds: `Number(digits)`, so a value past 2^53 is rounded and an absurdly long one is
   * `Infinity`. The spec lets the server set any reconnection time; cap it where it is used.
   */
  onRetry?: (milliseconds: number) => void
  /**
   * Called when a block that dispatches no event completes having set the last event ID (an
   * `id:`-only block, or `id:` and `event:` without `data:`), with the new value, also when it
   * is unchanged. Dispatched events carry theirs in `lastEventId` and `id` instead, so with both
   * a consumer sees every change of the last event ID without reading `parser.lastEventId`.
   */
  onId?: (lastEventId: string) => void
  /**
   * Called once when the stream breaks a limit. The parser then ignores input until `reset()`
   * or `end()`, so memory stays bounded whatever the server sends.
   */
  onError?: (error: ParseError) => void
  /** Longest line accepted, in UTF-16 code units (≈ bytes for ASCII). Default 4 MiB. */
  maxLineLength?: number
  /** Largest data buffer of one event, in UTF-16 code units. Default 16 MiB. */
  maxEventLength?: number
  /** The last event ID to start from, e.g. one restored from storage. Default `""`. */
  lastEventId?: string
}

export interface EventStreamParser {
  /**
   * Parses the next piece of the stream. `Uint8Array` chunks are decoded as streaming UTF-8
   * (invalid bytes become U+FFFD); strings are taken as already decoded. Do not mix the two in
   * one stream.
   */
  feed(chunk: Uint8Array | string): void
  /**
   * The stream ended (EOF). An unfinished line or event is discarded, as the spec requires, and
   * the parser is ready for the next connection's stream. The last event ID is kept.
   */
  end(): void
  /**
   * Starts over: drops buffered input and any error state. Keeps the last event ID unless one is
   * given, as browsers do when they reconnect.
   */
  reset(options?: { lastEventId?: string }): void
  /** The last event ID of the stream so far (see `ServerSentEvent.lastEventId`). */
  readonly lastEventId: string
}
