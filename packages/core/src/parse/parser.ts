import { ParseError } from './parse-error'
import type { EventStreamParser, ParserOptions, ServerSentEvent } from './types'
import { createUtf8StreamDecoder, type Utf8StreamDecoder } from './utf8-stream-decoder'

const LF = 0x0a
const CR = 0x0d
const COLON = 0x3a
const SPACE = 0x20
const LOWER_A = 0x61
const LOWER_D = 0x64
const LOWER_E = 0x65
const LOWER_I = 0x69
const LOWER_N = 0x6e
const LOWER_T = 0x74
const LOWER_V = 0x76
const BOM = 0xfeff

const DEFAULT_MAX_LINE_LENGTH = 1 << 22 // 4 Mi
const DEFAULT_MAX_EVENT_LENGTH = 1 << 24 // 16 Mi
// Byte chunks are decoded and scanned this much at a time. A string over 128 KiB gets fresh pages
// of its own, which the kernel maps and zeroes and which miss every cache: decoding 2 MiB chunks
// in 64 KiB pieces ran 1.05–1.6× faster with TextDecoder and 1.2–3.0× with Rivulet's decoder
// (bench:decode, bench/results.md, "Large chunks"; runs of 2026-12-01 and 2026-12-06). A piece
// is also the most of the input that a slice kept by the parser (a partial line, the last id)
// can hold alive.
const PIECE = 65536
// A buffer grown by appending is flattened when it holds more pieces than a sixteenth of its
// length (and this many): each append is a V8 cons-string node, and a flood of empty `data:`
// lines would otherwise hold ~30 bytes of nodes per character. Flattening at geometric intervals
// keeps the total work linear.
const MIN_PIECES = 1024

/** A flat copy: a concatenation flattened, a slice copied out of the text it was cut from. */
const flat = (text: string): string => (' ' + text).slice(1)

/**
 * An incremental `text/event-stream` parser, exactly as the WHATWG HTML standard's
 * "Event stream interpretation" defines it. Pure: no timers, no I/O.
 *
 * Memory is bounded by the limits whatever the server sends: at most `maxLineLength` characters
 * of a partial line and `maxEventLength` of data are buffered, in flat strings or with at most one
 * concatenation node per sixteen characters, and slices of input are copied out of it once they
 * would keep more of it alive than twice the data they hold. Floods of empty or one-character
 * `data:` lines, a line trickling in byte by byte, and short data lines in large chunks held 2.4
 * to 3.3 bytes of heap per character of the limit (16 to 31 before, and 4 700 for the last);
 * `pnpm --filter @rivulet/bench bench:parser:memory`, bench/results.md. parser.memory.test.ts
 * asserts at most 6. One 64 KiB piece of input a slice points into (a partial line, the last id)
 * may stay alive besides.
 */
export function createParser(options: ParserOptions): EventStreamParser {
  const { onEvent, onComment, onRetry, onId, onError } = options
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH
  const maxEventLength = options.maxEventLength ?? DEFAULT_MAX_EVENT_LENGTH

  let decoder: Utf8StreamDecoder | undefined
  // spec: "a data buffer, an event type buffer, and a last event ID buffer"
  let data = ''
  let hasData = false
  let eventType = ''
  let idBuffer = options.lastEventId ?? ''
  // This block's own `id:`, for `ServerSentEvent.id` and `onId`.
  let blockId: string | undefined
  // The event source's "last event ID string", set from the buffer only when a block completes.
  let lastEventId = idBuffer
  // Appends to `data` since it was last flat, and how many trigger flattening.
  let pieces = 0
  let flattenAt = MIN_PIECES
  // Characters of input that slices in `data` may keep alive.
  let retained = 0

  // The start of a line whose end has not arrived yet.
  let pending = ''
  let pendingPieces = 0
  // A chunk ended in CR: an LF opening the next chunk belongs to the same line ending.
  let skipLF = false
  let atStreamStart = true
  let failed = false
  // Bumped by reset/end/failure, so a scan interrupted by a callback that resets the parser
  // (e.g. a subscriber closing the stream) stops instead of feeding stale text to the new state.
  let epoch = 0

  function fail(type: ParseError['type'], limit: number): void {
    failed = true
    epoch++
    pending = data = ''
    hasData = false
    onError?.(new ParseError(type, limit))
  }

  /**
   * spec: append the value and a LF to the data buffer (the last LF goes at dispatch). Twin of
   * the inline `data:` handling in `scan`, which keeps the buffer in locals.
   */
  function appendData(value: string): void {
    if (hasData) data += '\n' + value
    else {
      data = value
      hasData = true
    }
    if (data.length > maxEventLength) fail('event-too-large', maxEventLength)
    else if (++pieces > flattenAt) compact()
  }

  function compact(): void {
    data = flat(data)
    pieces = retained = 0
    flattenAt = Math.max(MIN_PIECES, data.length >> 4)
  }

  /** A line other than blank, `data:`, `id:` or `event:`, as its own string. */
  function processLine(line: string): void {
    // spec: "If the line starts with a U+003A COLON character (:) — Ignore the line." Collect
    // the characters before the first colon as the field name, the rest as its value, less one
    // leading space; a line without a colon is a field name with an empty value.
    const colon = line.indexOf(':')
    const value =
      colon < 0 ? '' : line.slice(line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1)
    if (colon === 0) onComment?.(value)
    else {
      // Field names are case-sensitive; unknown ones are ignored.
      const name = colon < 0 ? line : line.slice(0, colon)
      if (name === 'data') appendData(value)
      else if (name === 'event') eventType = value
      // spec: "If the field value does not contain U+0000 NULL, then set the last event ID
      // buffer to the field value. Otherwise, ignore the field."
      else if (name === 'id') {
        if (value.indexOf('\0') < 0) idBuffer = blockId = value
      }
      // spec: "If the field value consists of only ASCII digits, then interpret the field value
      // as an integer in base ten, and set the event stream's reconnection time to that
      // integer." Any length: a value past 2^53 is rounded, an absurd one is Infinity.
      else if (name === 'retry' && /^\d+$/.test(value)) onRetry?.(Number(value))
    }
  }

  function appendPending(text: string): void {
    pending += text
    if (pending.length > maxLineLength) fail('line-too-long', maxLineLength)
    else if (++pendingPieces > MIN_PIECES && pendingPieces > pending.length >> 4) {
      pending = flat(pending)
      pendingPieces = 0
    }
  }

  /**
   * Processes the complete lines of `text` and keeps the unfinished last one.
   *
   * The hot path: every character of the stream passes here once. Line ends are found with
   * indexOf, in native code, each search cached until the scan passes it (one search for CR in
   * a chunk without any), which keeps a chunk O(n) whatever its lines look like. Blank, `data:`,
   * `id:` and `event:` lines are recognised by name and colon and handled inline, with the
   * block's state in locals, written back around `processLine` (every other line, and a line
   * that completes one a previous chunk started) and at the end. The inline `data:` handling is
   * a twin of `appendData`. Parsing alone, this runs at 0.89–2.69× eventsource-parser 4 in Node
   * and 0.78–1.93× in Chromium (`pnpm --filter @rivulet/bench bench:parser --strings` and
   * `bench:parser:chromium --strings`, bench/results.md): on ASCII its lead is the decoder's.
   */
  function scan(text: string): void {
    const length = text.length
    const startEpoch = epoch
    let position = 0
    if (skipLF) {
      skipLF = false
      if (text.charCodeAt(0) === LF) position = 1
    }
    // The start of the line that completes `pending`, if there is one.
    let joinAt = pending === '' ? -1 : position
    if (joinAt === 0 && length === 1) {
      // One more character of an unfinished line, as when bytes trickle in one at a time.
      const c = text.charCodeAt(0)
      if (c !== LF && c !== CR) return appendPending(text)
    }
    let cr = text.indexOf('\r', position)
    let lf = text.indexOf('\n', position)
    let buffer = data
    let buffered = hasData
    let type = eventType
    let ids = idBuffer
    let id = blockId
    let appended = pieces
    for (;;) {
      const start = position
      let end: number
      // spec: "end-of-line = ( cr lf / cr / lf )"
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        if (lf < 0) break
        end = lf
        position = end + 1
        // The next line is often blank: a load is cheaper than a native search. In Chromium,
        // where each indexOf costs the most, rivulet ÷ esp 4.x on quote/16KiB went from 0.71–0.81×
        // to 0.84–0.97× (bench:parser:chromium --core, bench/README.md "Comparing a variant").
        lf = text.charCodeAt(position) === LF ? position : text.indexOf('\n', position)
      } else {
        end = cr
        position = end + 1
        // A CR then LF is one line ending, also when the LF opens the next chunk.
        if (position === length) skipLF = true
        else if (position === lf) lf = text.indexOf('\n', ++position)
        cr = text.indexOf('\r', position)
      }

      let line: string
      if (start === joinAt) {
        // Only a line cut by a chunk boundary is ever copied.
        line = pending + text.slice(start, end)
        pending = ''
        pendingPieces = 0
        joinAt = -1
        if (line.length > maxLineLength) return fail('line-too-long', maxLineLength)
      } else if (start === end) {
        // spec: "If the line is empty (a blank line) — Dispatch the event": the last event ID
        // string takes the buffer's value; with no data, the buffers empty and nothing fires.
        lastEventId = ids
        if (buffered) {
          const event: ServerSentEvent = { type: type || 'message', data: buffer, lastEventId, id }
          buffer = type = ''
          buffered = false
          id = undefined
          appended = retained = 0
          flattenAt = MIN_PIECES
          onEvent(event)
          if (epoch !== startEpoch) return
        } else {
          type = ''
          if (id !== undefined) {
            id = undefined
            onId?.(ids)
            if (epoch !== startEpoch) return
          }
        }
        continue
      } else {
        if (end - start > maxLineLength) return fail('line-too-long', maxLineLength)
        const first = text.charCodeAt(start)
        if (
          first === LOWER_D &&
          text.charCodeAt(start + 4) === COLON &&
          text.charCodeAt(start + 1) === LOWER_A &&
          text.charCodeAt(start + 2) === LOWER_T &&
          text.charCodeAt(start + 3) === LOWER_A
        ) {
          // Twin of appendData. spec: one leading space is not part of the value.
          const value = text.slice(
            text.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5,
            end,
          )
          if (buffered) buffer += '\n' + value
          else {
            buffer = value
            buffered = true
          }
          if (buffer.length > maxEventLength) return fail('event-too-large', maxEventLength)
          if (++appended > flattenAt) {
            data = buffer
            compact()
            buffer = data
            appended = 0
          }
          continue
        }
        if (
          first === LOWER_I &&
          text.charCodeAt(start + 2) === COLON &&
          text.charCodeAt(start + 1) === LOWER_D
        ) {
          const value = text.slice(
            text.charCodeAt(start + 3) === SPACE ? start + 4 : start + 3,
            end,
          )
          // spec: an id containing U+0000 NULL is ignored.
          if (value.indexOf('\0') < 0) ids = id = value
          continue
        }
        if (
          first === LOWER_E &&
          text.charCodeAt(start + 5) === COLON &&
          text.charCodeAt(start + 1) === LOWER_V &&
          text.charCodeAt(start + 2) === LOWER_E &&
          text.charCodeAt(start + 3) === LOWER_N &&
          text.charCodeAt(start + 4) === LOWER_T
        ) {
          type = text.slice(text.charCodeAt(start + 6) === SPACE ? start + 7 : start + 6, end)
          continue
        }
        line = text.slice(start, end)
      }
      data = buffer
      hasData = buffered
      eventType = type
      idBuffer = ids
      blockId = id
      pieces = appended
      processLine(line)
      if (epoch !== startEpoch) return
      buffer = data
      buffered = hasData
      type = eventType
      ids = idBuffer
      id = blockId
      appended = pieces
    }
    data = buffer
    hasData = buffered
    eventType = type
    idBuffer = ids
    blockId = id
    pieces = appended
    // Slices of this text in the data buffer keep it alive; once that is more than the data
    // itself is worth, a copy of the data lets it go (at most one copy per input character).
    if (buffered && (retained += length) > 2 * buffer.length + PIECE) compact()
    if (position < length) appendPending(position > 0 ? text.slice(position) : text)
  }

  function clear(): void {
    epoch++
    decoder?.reset()
    pending = data = eventType = ''
    hasData = skipLF = failed = false
    atStreamStart = true
    blockId = undefined
    pieces = pendingPieces = retained = 0
    flattenAt = MIN_PIECES
    // An id from a block that never completed was never "set by the server" (dispatch did not
    // run), so the next stream starts from the last event ID actually in effect.
    idBuffer = lastEventId
  }

  function feedText(text: string): void {
    // spec: the UTF-8 decode strips one leading BOM; later ones are content.
    if (atStreamStart && text !== '') {
      atStreamStart = false
      if (text.charCodeAt(0) === BOM) text = text.slice(1)
    }
    if (text !== '') scan(text)
  }

  return {
    feed(chunk: Uint8Array | string): void {
      if (typeof chunk === 'string') {
        if (!failed) feedText(chunk)
        return
      }
      decoder ??= createUtf8StreamDecoder()
      for (let at = 0; at < chunk.length && !failed; at += PIECE) {
        feedText(decoder.decode(chunk.length <= PIECE ? chunk : chunk.subarray(at, at + PIECE)))
      }
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
