/**
 * Streaming UTF-8 decoding, fast on Node as well as in browsers.
 *
 * Node's TextDecoder has two speeds. Without `stream`, ASCII-heavy text decodes about 3× faster
 * (≈2 400 vs ≈700 MB/s on 16 KiB chunks here) — but once `stream` is used the decoder leaves that
 * path for good, and for mostly non-ASCII text the one-shot path is the slower one (≈180 vs
 * ≈370 MB/s). So a stream starts with one-shot decodes and switches to a streaming decoder, for
 * good, at the first chunk that is mostly not ASCII. Both paths give the same text; see
 * bench/README.md for the figures.
 *
 * Splitting the input right before the lead byte of an unfinished sequence, as the one-shot path
 * does, is exact: the WHATWG decoder starts afresh at any lead byte (ending an unfinished
 * sequence with U+FFFD, as a one-shot decode at end of input does), so the pieces decode to the
 * same text as the whole stream would.
 */
export interface Utf8StreamDecoder {
  /** Decodes the next chunk; an unfinished character at its end waits for the next chunk. */
  decode(chunk: Uint8Array): string
  /** The stream ended: an unfinished character becomes U+FFFD. */
  flush(): string
  /** Forgets an unfinished character, for the start of a new stream. */
  reset(): void
}

const CONTINUATION_MIN = 0x80
const LEAD_TWO_BYTES = 0xc0
const LEAD_THREE_BYTES = 0xe0
const LEAD_FOUR_BYTES = 0xf0

// The share of non-ASCII bytes above which the streaming decoder is the faster one.
const STREAMING_THRESHOLD = 1 / 8
const STREAM = { stream: true }

export function createUtf8StreamDecoder(): Utf8StreamDecoder {
  // BOMs are the parser's business: the spec strips one at the start of the stream only, and a
  // one-shot decoder would strip one at the start of every chunk.
  const oneShot = new TextDecoder('utf-8', { ignoreBOM: true })
  let streaming: TextDecoder | undefined
  let carry: Uint8Array | undefined

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
    const text = oneShot.decode(end === bytes.length ? bytes : bytes.subarray(0, end))
    // Each multi-byte character makes the text shorter than its bytes.
    return end - text.length > end * STREAMING_THRESHOLD ? text + startStreaming() : text
  }

  /** Hands the carried bytes to a new streaming decoder; returns what they decode to already. */
  function startStreaming(): string {
    streaming = new TextDecoder('utf-8', { ignoreBOM: true })
    const rest = carry
    carry = undefined
    // Bytes that can never start a character (C0, F8…) decode to U+FFFD at once.
    return rest === undefined ? '' : streaming.decode(rest, STREAM)
  }

  return {
    decode(chunk: Uint8Array): string {
      if (streaming !== undefined) return streaming.decode(chunk, STREAM)
      // A stream trickling in byte by byte: skip the decoder call (V8 caches one-character
      // strings). About 1.5× the throughput on 1-byte chunks of ASCII (bench/README.md).
      if (chunk.length === 1 && carry === undefined && (chunk[0] as number) < CONTINUATION_MIN) {
        return String.fromCharCode(chunk[0] as number)
      }
      return decodeOneShot(chunk)
    },
    flush(): string {
      if (streaming !== undefined) return streaming.decode()
      const rest = carry
      carry = undefined
      return rest === undefined ? '' : oneShot.decode(rest)
    },
    reset(): void {
      // A new stream may be ASCII again; the streaming decoder also forgets its state this way.
      streaming = undefined
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
