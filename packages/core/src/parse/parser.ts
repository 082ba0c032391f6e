import { ParseError } from './parse-error'
import type { EventStreamParser, ParserOptions, ServerSentEvent } from './types'
import { createUtf8StreamDecoder, type Utf8StreamDecoder } from './utf8-stream-decoder'

const LF = 0x0a
const CR = 0x0d
const COLON = 0x3a
const SPACE = 0x20
const DIGIT_0 = 0x30
const DIGIT_9 = 0x39
const LOWER_A = 0x61
const LOWER_D = 0x64
const LOWER_E = 0x65
const LOWER_I = 0x69
const LOWER_N = 0x6e
const LOWER_T = 0x74
const LOWER_V = 0x76
const BOM = 0xfeff

const DEFAULT_MAX_LINE_LENGTH = 4 * 1024 * 1024
const DEFAULT_MAX_EVENT_LENGTH = 16 * 1024 * 1024

/** spec: "If value starts with a U+0020 SPACE character, remove it from value." */
function valueStart(text: string, from: number, end: number): number {
  return from < end && text.charCodeAt(from) === SPACE ? from + 1 : from
}

/**
 * An incremental `text/event-stream` parser, exactly as the WHATWG HTML standard's
 * "Event stream interpretation" defines it. Pure: no timers, no I/O.
 *
 * A chunk is decoded to text in one native call (utf8-stream-decoder.ts), then scanned by
 * `scanLines`, the hot path. Only a line cut by a chunk boundary is ever copied; memory stays
 * within `maxLineLength` and `maxEventLength` whatever the server sends.
 */
export function createParser(options: ParserOptions): EventStreamParser {
  const { onEvent, onComment, onRetry, onError } = options
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH
  const maxEventLength = options.maxEventLength ?? DEFAULT_MAX_EVENT_LENGTH

  let decoder: Utf8StreamDecoder | undefined
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
      if (id !== undefined) options.onId?.(lastEventId)
      return
    }
    const event: ServerSentEvent = { type: eventType || 'message', data, lastEventId, id }
    data = ''
    hasData = false
    eventType = ''
    onEvent(event)
  }

  /**
   * Processes the complete line `text[start, end)` the general way. The scan loop handles the
   * usual lines itself; this serves the rest: lines cut by a chunk boundary, `retry`, unknown
   * and colon-less fields.
   */
  function processLine(text: string, start: number, end: number): void {
    if (start === end) {
      // spec: "If the line is empty (a blank line) — Dispatch the event"
      dispatch()
    } else if (text.charCodeAt(start) === COLON) {
      // spec: "If the line starts with a U+003A COLON character (:) — Ignore the line."
      if (onComment !== undefined) onComment(text.slice(valueStart(text, start + 1, end), end))
    } else {
      processField(text.slice(start, end))
    }
  }

  /** A field line, as its own string. */
  function processField(line: string): void {
    // spec: "If the line contains a U+003A COLON character (:) — Collect the characters on the
    // line before the first U+003A COLON character (:), and let field be that string. [...]
    // Otherwise, [...] using the whole line as the field name, and the empty string as the
    // field value." The line is its own string here, so this search cannot run past its end.
    const colon = line.indexOf(':')
    const name = colon === -1 ? line : line.slice(0, colon)
    const from = colon === -1 ? line.length : colon + 1
    // Field names are case-sensitive; unknown ones are ignored, as the spec says.
    if (name === 'data') appendData(line, from, line.length)
    else if (name === 'id') setId(line, from, line.length)
    else if (name === 'event') setEventType(line, from, line.length)
    else if (name === 'retry') processRetry(line, valueStart(line, from, line.length), line.length)
  }

  function appendData(text: string, from: number, end: number): void {
    const start = valueStart(text, from, end)
    const value = start < end ? text.slice(start, end) : ''
    // spec: append the value and then a single U+000A LINE FEED to the data buffer, and remove
    // the last LF at dispatch — the same as joining the values with LF.
    if (hasData) data += '\n' + value
    else {
      data = value
      hasData = true
    }
    if (data.length > maxEventLength) fail('event-too-large', maxEventLength)
  }

  function setId(text: string, from: number, end: number): void {
    const start = valueStart(text, from, end)
    const value = start < end ? text.slice(start, end) : ''
    // spec: "If the field value does not contain U+0000 NULL, then set the last event ID
    // buffer to the field value. Otherwise, ignore the field."
    if (value.indexOf('\0') === -1) {
      lastEventIdBuffer = value
      blockId = value
    }
  }

  function setEventType(text: string, from: number, end: number): void {
    const start = valueStart(text, from, end)
    // Slicing measured faster than comparing with the previous type to reuse its string.
    eventType = start < end ? text.slice(start, end) : ''
  }

  function processRetry(text: string, start: number, end: number): void {
    // spec: "If the field value consists of only ASCII digits, then interpret the field value
    // as an integer in base ten" — an empty value is not a number of milliseconds; ignore it.
    if (start >= end || onRetry === undefined) return
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i)
      if (c < DIGIT_0 || c > DIGIT_9) return
    }
    const milliseconds = Number(text.slice(start, end))
    if (Number.isSafeInteger(milliseconds)) onRetry(milliseconds)
  }

  function scan(text: string, codes: Uint8Array | undefined): void {
    const length = text.length
    if (length === 0) return
    const startEpoch = epoch
    let position = 0

    if (skipLeadingLF) {
      skipLeadingLF = false
      if (text.charCodeAt(0) === LF) position = 1
    }

    if (pending !== '' && length === 1) {
      // One more character of an unfinished line, as when bytes trickle in one at a time.
      const c = text.charCodeAt(0)
      if (c !== LF && c !== CR) {
        pending += text
        if (pending.length > maxLineLength) fail('line-too-long', maxLineLength)
        return
      }
    }

    let nextCR = text.indexOf('\r', position)
    if (pending !== '') {
      // Finish the line the previous chunk started; only such a line is ever copied.
      const nextLF = text.indexOf('\n', position)
      const end = nextCR === -1 || (nextLF !== -1 && nextLF < nextCR) ? nextLF : nextCR
      if (end === -1) {
        pending += position === 0 ? text : text.slice(position)
        if (pending.length > maxLineLength) fail('line-too-long', maxLineLength)
        return
      }
      const line = pending + text.slice(position, end)
      pending = ''
      if (line.length > maxLineLength) return fail('line-too-long', maxLineLength)
      processLine(line, 0, line.length)
      if (epoch !== startEpoch) return
      position = afterLineEnd(text, end)
      if (nextCR !== -1 && nextCR < position) nextCR = text.indexOf('\r', position)
    }

    position = scanLines(text, codes, position, nextCR, startEpoch)
    if (position === -1 || position >= length) return
    pending = text.slice(position)
    if (pending.length > maxLineLength) fail('line-too-long', maxLineLength)
  }

  /**
   * Processes the complete lines of `text` from `position`; returns where the unfinished line
   * starts, or -1 when a callback or a limit stopped the scan. `nextCR` is the first CR at or
   * after `position`, or -1.
   *
   * Hand-tuned, as every byte of the stream passes here. Figures are `pnpm bench` on the quote
   * corpus in 16 KiB chunks, as throughput relative to eventsource-parser 4.x (bench/results.md).
   * Line ends are found with indexOf, whose searches run in native code, each cached until the
   * scan passes it, which keeps a chunk O(n) whatever its lines look like. Blank, `data:`, `id:`
   * and `event:` lines are recognised by field name and colon together and handled inline.
   * Field names are read from the decoder's bytes when it gave them, since `charCodeAt` costs a
   * call each (≈1.35× before, ≈1.7× after); every read is written out here, as a helper called
   * per read used up TurboFan's inlining budget and gave back about a tenth of that (measured in
   * paired runs against eventsource-parser). The block's state lives in locals and is written
   * back before anything that can observe it: a callback, or `processLine` for any other line.
   */
  function scanLines(
    text: string,
    codes: Uint8Array | undefined,
    position: number,
    nextCR: number,
    startEpoch: number,
  ): number {
    const length = text.length
    let buffer = data
    let buffered = hasData
    let type = eventType
    let idBuffer = lastEventIdBuffer
    let id = blockId
    let nextLF = text.indexOf('\n', position)
    // The next NUL, in ASCII text: searched when an id needs it, and again once passed.
    let nulAt = -2
    const c = codes
    for (;;) {
      const start = position
      let end: number
      // spec: "end-of-line = ( cr lf / cr / lf )"
      if (nextCR === -1 || (nextLF !== -1 && nextLF < nextCR)) {
        if (nextLF === -1) break
        end = nextLF
        position = end + 1
        nextLF = text.indexOf('\n', position)
      } else {
        end = nextCR
        position = end + 1
        // A CR then LF is one line ending, also when the LF opens the next chunk.
        if (position === length) skipLeadingLF = true
        else if (position === nextLF) nextLF = text.indexOf('\n', ++position)
        nextCR = text.indexOf('\r', position)
      }

      if (start === end) {
        // spec: "If the line is empty (a blank line) — Dispatch the event", as in dispatch().
        lastEventId = idBuffer
        if (!buffered) {
          type = ''
          if (id !== undefined && options.onId !== undefined) {
            eventType = type
            blockId = id = undefined
            lastEventIdBuffer = idBuffer
            options.onId(lastEventId)
            if (epoch !== startEpoch) return -1
            continue
          }
          id = undefined
          continue
        }
        const event: ServerSentEvent = { type: type || 'message', data: buffer, lastEventId, id }
        data = buffer = ''
        hasData = buffered = false
        eventType = type = ''
        blockId = id = undefined
        lastEventIdBuffer = idBuffer
        onEvent(event)
        if (epoch !== startEpoch) return -1
        continue
      }
      if (end - start > maxLineLength) {
        fail('line-too-long', maxLineLength)
        return -1
      }
      // Code units are read from `c`, the decoder's bytes, when it gave them (one byte per
      // character): a byte load where charCodeAt is a call that checks the string's layout.
      // Each read is spelled out here, as helpers for it used up TurboFan's inlining budget.
      const first = c ? c[start] : text.charCodeAt(start)
      if (
        first === LOWER_D &&
        (c ? c[start + 1] : text.charCodeAt(start + 1)) === LOWER_A &&
        (c ? c[start + 2] : text.charCodeAt(start + 2)) === LOWER_T &&
        (c ? c[start + 3] : text.charCodeAt(start + 3)) === LOWER_A &&
        (c ? c[start + 4] : text.charCodeAt(start + 4)) === COLON
      ) {
        // spec: one space after the colon is not part of the value; the data buffer gets the
        // value and a LF, and loses its last LF at dispatch — the same as joining with LF.
        const value = text.slice(
          start + 5 < end && (c ? c[start + 5] : text.charCodeAt(start + 5)) === SPACE
            ? start + 6
            : start + 5,
          end,
        )
        if (buffered) buffer += '\n' + value
        else {
          buffer = value
          buffered = true
        }
        if (buffer.length > maxEventLength) {
          fail('event-too-large', maxEventLength)
          return -1
        }
      } else if (
        first === LOWER_I &&
        (c ? c[start + 1] : text.charCodeAt(start + 1)) === LOWER_D &&
        (c ? c[start + 2] : text.charCodeAt(start + 2)) === COLON
      ) {
        const from =
          start + 3 < end && (c ? c[start + 3] : text.charCodeAt(start + 3)) === SPACE
            ? start + 4
            : start + 3
        // spec: an id containing NUL is ignored. One search for the chunk's next NUL, reused
        // until passed, when the text is ASCII (memchr-fast); a search of the id otherwise,
        // since indexOf('\0') crawls through two-byte strings.
        if (codes !== undefined) {
          if (nulAt !== -1 && nulAt < from) nulAt = text.indexOf('\0', from)
          if (nulAt === -1 || nulAt >= end) idBuffer = id = text.slice(from, end)
        } else {
          const value = text.slice(from, end)
          if (value.indexOf('\0') === -1) idBuffer = id = value
        }
      } else if (
        first === LOWER_E &&
        (c ? c[start + 1] : text.charCodeAt(start + 1)) === LOWER_V &&
        (c ? c[start + 2] : text.charCodeAt(start + 2)) === LOWER_E &&
        (c ? c[start + 3] : text.charCodeAt(start + 3)) === LOWER_N &&
        (c ? c[start + 4] : text.charCodeAt(start + 4)) === LOWER_T &&
        (c ? c[start + 5] : text.charCodeAt(start + 5)) === COLON
      ) {
        type = text.slice(
          start + 6 < end && (c ? c[start + 6] : text.charCodeAt(start + 6)) === SPACE
            ? start + 7
            : start + 6,
          end,
        )
      } else {
        data = buffer
        hasData = buffered
        eventType = type
        lastEventIdBuffer = idBuffer
        blockId = id
        processLine(text, start, end)
        if (epoch !== startEpoch) return -1
        buffer = data
        buffered = hasData
        type = eventType
        idBuffer = lastEventIdBuffer
        id = blockId
      }
    }
    data = buffer
    hasData = buffered
    eventType = type
    lastEventIdBuffer = idBuffer
    blockId = id
    return position
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
    decoder?.reset()
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
      let codes: Uint8Array | undefined
      if (typeof chunk === 'string') text = chunk
      else {
        decoder ??= createUtf8StreamDecoder()
        text = decoder.decode(chunk)
        codes = decoder.codes
      }
      // spec: the UTF-8 decode strips one leading BOM; later ones are content. (A BOM is not
      // ASCII, so no `codes` come with it and positions stay aligned.)
      if (atStreamStart && text.length > 0) {
        atStreamStart = false
        if (text.charCodeAt(0) === BOM) text = text.slice(1)
      }
      scan(text, codes)
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
