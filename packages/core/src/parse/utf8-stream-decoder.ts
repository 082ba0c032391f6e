/**
 * Streaming UTF-8 decoding, as fast in Node as a browser's own decoder is for it.
 *
 * Browsers decode ASCII at memory speed in `TextDecoder`, streaming or not; Node 20's streaming
 * `TextDecoder` (ICU) does not, and its one-shot decode slows down from the first non-ASCII byte
 * of a chunk on. Where Node's `Buffer` exists, a chunk is first copied one byte per character
 * (`latin1Slice`, a memcpy), and `Buffer.byteLength` (vectorised) counts its bytes ≥ 0x80: none,
 * and that copy is the text; a few, and only their runs are decoded as UTF-8 and spliced in;
 * many, and the chunk goes to the streaming `TextDecoder`, which handles such text best. Figures
 * for each choice: `pnpm --filter @rivulet/bench bench:decode` (bench/results.md).
 *
 * The splice is exact: a run of bytes ≥ 0x80 lies between ASCII bytes, where the WHATWG decoder
 * always starts afresh, so decoding the run alone gives what the stream decoder would. Only a run
 * at the very end of a chunk can be a character cut in two; its unfinished tail waits for the
 * next chunk.
 */
export interface Utf8StreamDecoder {
  /** Decodes the next chunk; an unfinished character at its end waits for the next chunk. */
  decode(chunk: Uint8Array): string
  /** Forgets an unfinished character, for the start of a new stream. */
  reset(): void
}

interface NodeBuffer {
  byteLength(text: string, encoding: 'utf8'): number
  prototype: {
    latin1Slice(this: Uint8Array, start: number, end: number): string
    utf8Slice(this: Uint8Array, start: number, end: number): string
  }
}

const NODE_BUFFER = (globalThis as { Buffer?: NodeBuffer }).Buffer
const LATIN1 = NODE_BUFFER?.prototype.latin1Slice
const STREAM = { stream: true }
const HIGH_RUN = /[\x80-\xff]+/g
// Past one byte ≥ 0x80 in this many, splicing runs costs more than the streaming decoder
// (a native call per run against ~1 ns a byte): bench/results.md, decode table.
const SPARSE = 256

export function createUtf8StreamDecoder(): Utf8StreamDecoder {
  // BOMs are the parser's business: the spec strips one at the start of the stream only.
  const streaming = new TextDecoder('utf-8', { ignoreBOM: true })
  let useStreaming = LATIN1 === undefined
  // Node path: the bytes of a character the last chunk cut in two.
  let carry: Uint8Array | undefined

  function splice(bytes: Uint8Array, text: string, high: number): string {
    const utf8 = (NODE_BUFFER as NodeBuffer).prototype.utf8Slice
    let out = ''
    let from = 0
    HIGH_RUN.lastIndex = 0
    // Bounded by `high`: every match holds at least one of the chunk's `high` bytes.
    for (let seen = 0; seen < high; ) {
      const run = HIGH_RUN.exec(text) as RegExpExecArray
      const start = run.index
      let end = start + run[0].length
      seen += run[0].length
      // Copied: the caller may reuse the chunk's buffer for its next read.
      if (end === bytes.length && (end = completeLength(bytes)) < bytes.length) {
        carry = bytes.slice(end)
      }
      out += text.slice(from, start) + utf8.call(bytes, start, end)
      from = end
    }
    return carry === undefined ? out + text.slice(from) : out
  }

  return {
    decode(chunk: Uint8Array): string {
      if (useStreaming) {
        const text = streaming.decode(chunk, STREAM)
        // Back to the Node path once chunks turn mostly ASCII again, and only when the decoder
        // holds no unfinished character (the chunk ended in ASCII).
        if (
          LATIN1 !== undefined &&
          (chunk[chunk.length - 1] as number) < 0x80 &&
          (chunk.length - text.length) * SPARSE < chunk.length
        ) {
          useStreaming = false
        }
        return text
      }
      let bytes = chunk
      if (carry !== undefined) {
        bytes = new Uint8Array(carry.length + chunk.length)
        bytes.set(carry)
        bytes.set(chunk, carry.length)
        carry = undefined
      }
      const text = (LATIN1 as NodeBuffer['prototype']['latin1Slice']).call(bytes, 0, bytes.length)
      const high = (NODE_BUFFER as NodeBuffer).byteLength(text, 'utf8') - text.length
      if (high === 0) return text
      if (high * SPARSE < bytes.length) return splice(bytes, text, high)
      useStreaming = true
      return streaming.decode(bytes, STREAM)
    },
    reset(): void {
      // decode() without input also empties the streaming decoder.
      streaming.decode()
      useStreaming = LATIN1 === undefined
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
    if (byte >= 0xc0) return length - i < (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) ? i : length
    if (byte < 0x80) return length
  }
  return length
}
