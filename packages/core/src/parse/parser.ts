import { ParseError } from './parse-error'
import type { EventStreamParser, ParserOptions, ServerSentEvent } from './types'

const LF = 0x0a
const CR = 0x0d
const COLON = 0x3a
const SPACE = 0x20
const BOM = 0xfeff

const DEFAULT_MAX_LINE_LENGTH = 4 * 1024 * 1024
const DEFAULT_MAX_EVENT_LENGTH = 16 * 1024 * 1024

// One options object for every decode call: the hot path allocates nothing it can avoid.
const STREAM = { stream: true } as const

/**
 * An incremental `text/event-stream` parser, exactly as the WHATWG HTML standard's
 * "Event stream interpretation" defines it. Pure: no timers, no I/O.
 *
 * Why it is shaped this way (see bench/ for the figures): a chunk is decoded once by the native
 * `TextDecoder` and then scanned with `indexOf`, so the per-character work happens in C++.
 * Line ends, colons and carriage returns are each searched at most once per chunk (their
 * positions are cached until the scan passes them), which keeps a chunk O(n) whatever its lines
 * look like. A line cut by a chunk boundary is the only one that is copied.
 */
export function createParser(options: ParserOptions): EventStreamParser {
  const { onEvent, onComment, onRetry, onError } = options
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH
  const maxEventLength = options.maxEventLength ?? DEFAULT_MAX_EVENT_LENGTH

  let decoder: TextDecoder | undefined
  // spec: "a data buffer, an event type buffer, and a last event ID buffer"
  let data = ''
  let hasData = false
  let eventType = ''
  let lastEventIdBuffer = options.lastEventId ?? ''
  let blockId: string | undefined
  // The event source's "last event ID string", set from the buffer only when a block completes.
  let lastEventId = lastEventIdBuffer

  // The start of a line whose end has not arrived yet.
  let pending = ''
  // A chunk ended in CR: an LF opening the next chunk belongs to the same line ending.
  let skipLeadingLF = false
  let atStreamStart = true
  let failed = false
  // Bumped by reset/end/failure, so a scan interrupted by a callback that resets the parser
  // (e.g. a subscriber closing the stream) stops instead of feeding stale text to the new state.
  let epoch = 0

  function fail(type: ParseError['type'], limit: number): void {
    failed = true
    epoch++
    pending = ''
    data = ''
    hasData = false
    onError?.(new ParseError(type, limit))
  }

  function dispatch(): void {
    // spec: "Set the last event ID string of the event source to the value of the last event ID
    // buffer." This happens even when no event follows, so an id-only block still moves it.
    lastEventId = lastEventIdBuffer
    const id = blockId
    blockId = undefined
    // spec: "If the data buffer is an empty string, set the data buffer and the event type
    // buffer to the empty string and return."
    if (!hasData) {
      eventType = ''
      return
    }
    const event: ServerSentEvent = { type: eventType || 'message', data, lastEventId, id }
    data = ''
    hasData = false
    eventType = ''
    onEvent(event)
  }

  /** Processes one complete line, `text[start, end)`, whose first colon (or `end`) is `colon`. */
  function processLine(text: string, start: number, colon: number, end: number): void {
    if (start === end) {
      // spec: "If the line is empty (a blank line) — Dispatch the event"
      dispatch()
      return
    }
    const nameLength = colon - start
    if (nameLength === 0) {
      // spec: "If the line starts with a U+003A COLON character (:) — Ignore the line."
      if (onComment !== undefined) {
        const from = start + 1 < end && text.charCodeAt(start + 1) === SPACE ? start + 2 : start + 1
        onComment(text.slice(from, end))
      }
      return
    }
    // spec: "If value starts with a U+0020 SPACE character, remove it from value."
    let valueStart = colon + 1
    if (valueStart < end && text.charCodeAt(valueStart) === SPACE) valueStart++
    // Field names are case-sensitive and compared whole; checking the length first keeps the
    // common fields to one comparison each. Unknown fields are ignored, as the spec says.
    if (nameLength === 4) {
      if (text.startsWith('data', start)) {
        const value = valueStart < end ? text.slice(valueStart, end) : ''
        // spec: append the value and then a single U+000A LINE FEED to the data buffer, and
        // remove the last LF at dispatch — the same as joining the values with LF.
        if (hasData) data += '\n' + value
        else {
          data = value
          hasData = true
        }
        if (data.length > maxEventLength) fail('event-too-large', maxEventLength)
      }
    } else if (nameLength === 5) {
      if (text.startsWith('event', start)) {
        eventType = valueStart < end ? text.slice(valueStart, end) : ''
      } else if (text.startsWith('retry', start)) {
        processRetry(text, valueStart, end)
      }
    } else if (nameLength === 2 && text.startsWith('id', start)) {
      const value = valueStart < end ? text.slice(valueStart, end) : ''
      // spec: "If the field value does not contain U+0000 NULL, then set the last event ID
      // buffer to the field value. Otherwise, ignore the field."
      if (value.indexOf('\0') === -1) {
        lastEventIdBuffer = value
        blockId = value
      }
    }
  }

  function processRetry(text: string, start: number, end: number): void {
    // spec: "If the field value consists of only ASCII digits, then interpret the field value
    // as an integer in base ten" — an empty value is not a number of milliseconds; ignore it.
    if (start >= end || onRetry === undefined) return
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i)
      if (c < 0x30 || c > 0x39) return
    }
    const milliseconds = Number(text.slice(start, end))
    if (Number.isSafeInteger(milliseconds)) onRetry(milliseconds)
  }

  function scan(text: string): void {
    const length = text.length
    if (length === 0) return
    const startEpoch = epoch
    let position = 0

    if (skipLeadingLF) {
      skipLeadingLF = false
      if (text.charCodeAt(0) === LF) position = 1
    }

    // Cached positions of the next LF, CR and colon; -1 means "none left in this chunk".
    let nextLF = text.indexOf('\n', position)
    let nextCR = text.indexOf('\r', position)
    let nextColon = -2

    if (pending !== '') {
      // Finish the line the previous chunk started; only this line is ever copied.
      const end = nextCR === -1 || (nextLF !== -1 && nextLF < nextCR) ? nextLF : nextCR
      if (end === -1) {
        pending += position === 0 ? text : text.slice(position)
        if (pending.length > maxLineLength) fail('line-too-long', maxLineLength)
        return
      }
      const line = pending + text.slice(position, end)
      pending = ''
      if (line.length > maxLineLength) return fail('line-too-long', maxLineLength)
      const colon = line.indexOf(':')
      processLine(line, 0, colon === -1 ? line.length : colon, line.length)
      if (epoch !== startEpoch) return
      position = afterLineEnd(text, end)
    }

    while (position < length) {
      if (nextLF !== -1 && nextLF < position) nextLF = text.indexOf('\n', position)
      if (nextCR !== -1 && nextCR < position) nextCR = text.indexOf('\r', position)
      let end: number
      let next: number
      if (nextCR === -1 || (nextLF !== -1 && nextLF < nextCR)) {
        if (nextLF === -1) break
        end = nextLF
        next = end + 1
      } else {
        end = nextCR
        next = end + 1
        // spec: "end-of-line = ( cr lf / cr / lf )" — a CR then LF is one line ending, also
        // when the LF arrives in the next chunk.
        if (next === length) skipLeadingLF = true
        else if (text.charCodeAt(next) === LF) next++
      }
      if (end - position > maxLineLength) return fail('line-too-long', maxLineLength)
      let colon = end
      if (end !== position && text.charCodeAt(position) !== COLON) {
        if (nextColon !== -1 && nextColon < position) nextColon = text.indexOf(':', position)
        if (nextColon !== -1 && nextColon < end) colon = nextColon
      } else if (end !== position) {
        colon = position
      }
      processLine(text, position, colon, end)
      if (epoch !== startEpoch) return
      position = next
    }

    if (position < length) {
      pending = text.slice(position)
      if (pending.length > maxLineLength) fail('line-too-long', maxLineLength)
    }
  }

  function afterLineEnd(text: string, end: number): number {
    if (text.charCodeAt(end) !== CR) return end + 1
    if (end + 1 === text.length) {
      skipLeadingLF = true
      return end + 1
    }
    return text.charCodeAt(end + 1) === LF ? end + 2 : end + 1
  }

  function clear(): void {
    epoch++
    decoder = undefined
    pending = ''
    skipLeadingLF = false
    atStreamStart = true
    failed = false
    data = ''
    hasData = false
    eventType = ''
    blockId = undefined
    // An id from a block that never completed was never "set by the server" (dispatch did not
    // run), so the next stream starts from the last event ID actually in effect.
    lastEventIdBuffer = lastEventId
  }

  return {
    feed(chunk: Uint8Array | string): void {
      if (failed) return
      let text: string
      if (typeof chunk === 'string') {
        text = chunk
        // spec: one leading BOM is stripped by the UTF-8 decode; later ones are content.
        if (atStreamStart && text.length > 0) {
          atStreamStart = false
          if (text.charCodeAt(0) === BOM) text = text.slice(1)
        }
      } else {
        // TextDecoder strips the BOM only at the start of its stream, as the spec's decode does.
        text = (decoder ??= new TextDecoder()).decode(chunk, STREAM)
        if (text.length > 0) atStreamStart = false
      }
      scan(text)
    },
    end(): void {
      // spec: "Once the end of the file is reached, any pending data must be discarded."
      clear()
    },
    reset(resetOptions?: { lastEventId?: string }): void {
      if (resetOptions?.lastEventId !== undefined) lastEventId = resetOptions.lastEventId
      clear()
    },
    get lastEventId(): string {
      return lastEventId
    },
  }
}
