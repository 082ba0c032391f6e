/**
 * Streaming UTF-8 decoding, as fast in Node as a browser's own decoder is there.
 *
 * Browsers decode ASCII at memory speed in `TextDecoder`, streaming or not; Node 20's streaming
 * `TextDecoder` (ICU) does not, and its one-shot decode slows down from a chunk's first
 * non-ASCII byte on. So where Node's `Buffer` exists, a chunk is first copied one byte per
 * character (`latin1Slice`, a memcpy) and `Buffer.byteLength` (vectorised) counts its bytes
 * ≥ 0x80: with none, that copy is the text; with a few, only their runs are decoded as UTF-8 and
 * spliced in; with many, or when the chunk ends inside a character, the chunk goes to the
 * streaming `TextDecoder`, which stays in charge until a chunk ends in ASCII with few others.
 * Figures for each choice: `pnpm --filter @rivulet/bench bench:decode` (bench/results.md).
 *
 * The splice is exact: a run of bytes ≥ 0x80 lies between ASCII bytes, where the WHATWG decoder
 * always starts afresh, so decoding the run alone gives what the stream decoder would.
 */
export interface Utf8StreamDecoder {
  /** Decodes the next chunk; an unfinished character at its end waits for the next chunk. */
  decode(chunk: Uint8Array): string
  /** Forgets an unfinished character, for the start of a new stream. */
  reset(): void
}

interface NodeBuffer {
  byteLength(text: string, encoding: 'utf8'): number
  prototype: Record<'latin1Slice' | 'utf8Slice', (this: Uint8Array, from: number, to: number) => string>
}

const NODE = (globalThis as { Buffer?: NodeBuffer }).Buffer
const STREAM = { stream: true }
const HIGH_RUN = /[\x80-\xff]+/g
// Past one byte ≥ 0x80 in this many, splicing (a native call per run) costs more than the
// streaming decoder: bench/results.md, decode table.
const SPARSE = 256

export function createUtf8StreamDecoder(): Utf8StreamDecoder {
  // BOMs are the parser's business: the spec strips one at the start of the stream only.
  const streaming = new TextDecoder('utf-8', { ignoreBOM: true })
  // The Node path is taken only while the streaming decoder holds no unfinished character.
  let copying = NODE !== undefined
  // The streaming decoder holds no unfinished character.
  let clean = true
  return {
    decode(chunk: Uint8Array): string {
      const length = chunk.length
      const last = chunk[length - 1] as number
      const endsInAscii = last < 0x80
      // A stream trickling in byte by byte: V8 keeps one-character strings ready, so this skips
      // a native call per byte (`pnpm bench --chunks 1`, bench/results.md).
      if (length === 1 && endsInAscii && clean) return String.fromCharCode(last)
      if (copying) {
        const { latin1Slice, utf8Slice } = (NODE as NodeBuffer).prototype
        const text = latin1Slice.call(chunk, 0, length)
        let high = (NODE as NodeBuffer).byteLength(text, 'utf8') - length
        if (high === 0) return text
        if (endsInAscii && high * SPARSE < length) {
          let spliced = ''
          let from = 0
          // Bounded by `high`: every run holds at least one of the chunk's high bytes.
          for (HIGH_RUN.lastIndex = 0; high > 0; ) {
            const run = HIGH_RUN.exec(text) as RegExpExecArray
            spliced += text.slice(from, run.index)
            spliced += utf8Slice.call(chunk, run.index, (from = HIGH_RUN.lastIndex))
            high -= run[0].length
          }
          return spliced + text.slice(from)
        }
      }
      const text = streaming.decode(chunk, STREAM)
      clean = endsInAscii
      copying = NODE !== undefined && endsInAscii && (length - text.length) * SPARSE < length
      return text
    },
    reset(): void {
      // decode() without input also empties the streaming decoder.
      streaming.decode()
      copying = NODE !== undefined
      clean = true
    },
  }
}
