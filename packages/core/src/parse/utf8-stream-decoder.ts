/**
 * Streaming UTF-8 decoding built from one-shot `TextDecoder.decode` calls.
 *
 * Why not `decode(chunk, { stream: true })`: Node's TextDecoder leaves its fast UTF-8 path for
 * ICU once `stream` is used, and decodes about 3× slower (≈700 vs ≈2 400 MB/s on 16 KiB chunks
 * here; see bench/README.md). Splitting the input right before the lead byte of an unfinished
 * sequence is exact: the WHATWG decoder starts afresh at any lead byte (ending an unfinished
 * sequence with U+FFFD, as a one-shot decode at end of input does), so the pieces decode to
 * the same text as the whole stream would.
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

export function createUtf8StreamDecoder(): Utf8StreamDecoder {
  // BOMs are the parser's business: the spec strips one at the start of the stream only, and a
  // one-shot decoder would strip one at the start of every chunk.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  let carry: Uint8Array | undefined

  return {
    decode(chunk: Uint8Array): string {
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
      return decoder.decode(end === bytes.length ? bytes : bytes.subarray(0, end))
    },
    flush(): string {
      const rest = carry
      carry = undefined
      return rest === undefined ? '' : decoder.decode(rest)
    },
    reset(): void {
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
