/**
 * Streaming UTF-8 decoding, fast on Node as well as in browsers.
 *
 * Node's TextDecoder has two speeds. Without `stream`, pure ASCII decodes about 4.4× faster
 * (≈3 300 vs ≈750 MB/s on 16 KiB chunks of the bench's quote corpus) — but once `stream` is
 * used a decoder leaves that path for good, and for text with any non-ASCII the one-shot path is
 * the slow one (≈190 vs ≈455 MB/s on the multi-line corpus). So ASCII chunks are decoded one
 * shot, a chunk with anything else switches to a streaming decoder, and a run of ASCII chunks
 * switches back. Both paths give the same text. Figures: `pnpm --filter @rivulet/bench
 * bench:decode`, on the 2-core machine described in bench/results.md.
 *
 * Splitting the input right before the lead byte of an unfinished sequence, as the one-shot path
 * does, is exact: the WHATWG decoder starts afresh at any lead byte (ending an unfinished
 * sequence with U+FFFD, as a one-shot decode at end of input does), so the pieces decode to the
 * same text as the whole stream would.
 */
export interface Utf8StreamDecoder {
  /** Decodes the next chunk; an unfinished character at its end waits for the next chunk. */
  decode(chunk: Uint8Array): string
  /**
   * The bytes of the text the last `decode` returned, when there is one byte per character
   * (ASCII): byte `i` is then `text.charCodeAt(i)` wherever that is ASCII, and reading a byte is
   * far cheaper than `charCodeAt`. `undefined` otherwise.
   */
  readonly codes: Uint8Array | undefined
  /** The stream ended: an unfinished character becomes U+FFFD. */
  flush(): string
  /** Forgets an unfinished character, for the start of a new stream. */
  reset(): void
}

const CONTINUATION_MIN = 0x80
const LEAD_TWO_BYTES = 0xc0
const LEAD_THREE_BYTES = 0xe0
const LEAD_FOUR_BYTES = 0xf0

const STREAM = { stream: true }
// ASCII chunks in a row, decoded by the streaming decoder, before the one-shot path is taken
// again: text that mixes scripts would otherwise flip at every chunk that happens to be ASCII.
const ASCII_RUN_TO_SWITCH_BACK = 4

export function createUtf8StreamDecoder(): Utf8StreamDecoder {
  // BOMs are the parser's business: the spec strips one at the start of the stream only, and a
  // one-shot decoder would strip one at the start of every chunk.
  const oneShot = new TextDecoder('utf-8', { ignoreBOM: true })
  let streaming: TextDecoder | undefined
  let streamingActive = false
  let asciiRun = 0
  let carry: Uint8Array | undefined
  let codes: Uint8Array | undefined

  function decodeOneShot(chunk: Uint8Array): string {
    let bytes = chunk
    if (carry !== undefined) {
      bytes = new Uint8Array(carry.length + chunk.length)
      bytes.set(carry)
      bytes.set(chunk, carry.length)
      carry = undefined
    }
    const end = completeLength(bytes)
    // Copied: the caller may reuse the chunk's buffer for its next read.
    if (end < bytes.length) carry = bytes.slice(end)
    if (end === 0) return ''
    const decoded = end === bytes.length ? bytes : bytes.subarray(0, end)
    const text = oneShot.decode(decoded)
    // A multi-byte character makes the text shorter than its bytes: not ASCII. (No sequence
    // gives more UTF-16 units than bytes, so equal lengths mean one byte per character.)
    if (text.length === end && carry === undefined) {
      codes = decoded
      return text
    }
    return text + startStreaming()
  }

  /** Hands the carried bytes to the streaming decoder; returns what they decode to already. */
  function startStreaming(): string {
    streaming ??= new TextDecoder('utf-8', { ignoreBOM: true })
    streamingActive = true
    asciiRun = 0
    const rest = carry
    carry = undefined
    // Bytes that can never start a character (C0, F8…) decode to U+FFFD at once.
    return rest === undefined ? '' : streaming.decode(rest, STREAM)
  }

  function decodeStreaming(decoder: TextDecoder, chunk: Uint8Array): string {
    const text = decoder.decode(chunk, STREAM)
    // Back to one-shot only when the streaming decoder holds nothing: the chunk ended in ASCII.
    if (text.length === chunk.length && (chunk[chunk.length - 1] ?? 0) < CONTINUATION_MIN) {
      if (++asciiRun >= ASCII_RUN_TO_SWITCH_BACK) streamingActive = false
    } else {
      asciiRun = 0
    }
    return text
  }

  return {
    get codes() {
      return codes
    },
    decode(chunk: Uint8Array): string {
      codes = undefined
      if (streamingActive && streaming !== undefined) return decodeStreaming(streaming, chunk)
      // A stream trickling in byte by byte: skip the decoder call (V8 caches one-character
      // strings); `pnpm bench` shows 1-byte chunks of ASCII at 3× and more eventsource-parser.
      if (chunk.length === 1 && carry === undefined && (chunk[0] as number) < CONTINUATION_MIN) {
        codes = chunk
        return String.fromCharCode(chunk[0] as number)
      }
      return decodeOneShot(chunk)
    },
    flush(): string {
      if (streamingActive && streaming !== undefined) {
        streamingActive = false
        return streaming.decode()
      }
      const rest = carry
      carry = undefined
      return rest === undefined ? '' : oneShot.decode(rest)
    },
    reset(): void {
      codes = undefined
      // decode() without input also empties the streaming decoder, for the next stream.
      streaming?.decode()
      streamingActive = false
      asciiRun = 0
      carry = undefined
    },
  }
}

/** The length of `bytes` without an unfinished multi-byte sequence at its end. */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length
  // A sequence is at most four bytes long, so only the last three can hold an unfinished one.
  for (let i = length - 1; i >= 0 && i >= length - 3; i--) {
    const byte = bytes[i] as number
    if (byte < CONTINUATION_MIN) return length
    if (byte >= LEAD_TWO_BYTES) {
      const needed = byte >= LEAD_FOUR_BYTES ? 4 : byte >= LEAD_THREE_BYTES ? 3 : 2
      return length - i < needed ? i : length
    }
  }
  return length
}
