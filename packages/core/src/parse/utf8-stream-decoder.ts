/**
 * Streaming UTF-8 decoding, as fast in Node as a browser's own decoder is there. The browser build
 * (the package's `browser` export condition) ships `utf8-stream-decoder.browser.ts` instead.
 *
 * Browsers decode ASCII at memory speed in `TextDecoder`, streaming or not; Node 20's streaming
 * `TextDecoder` (ICU) does not, and its one-shot decode slows down from a chunk's first
 * non-ASCII byte on. So where Node's `Buffer` exists, a chunk is first copied one byte per
 * character (`latin1Slice`, a memcpy) and `Buffer.byteLength` (vectorised) counts its bytes
 * ≥ 0x80: with none, that copy is the text (5.6–6.3× the streaming decoder on ASCII in 64 KiB
 * chunks); with a few, the blocks of about 1 KiB that hold them are decoded as UTF-8
 * (`utf8Slice`) and spliced in (1.3–3.4× on the accented corpus); with many, or when the chunk
 * ends inside a character, the chunk goes to the streaming `TextDecoder`, which stays in charge
 * until a chunk ends in ASCII with few others. Figures: `pnpm --filter @rivulet/bench
 * bench:decode`, bench/results.md, runs of 2026-12-01 and 2026-12-06.
 *
 * The splice is exact: every block ends before an ASCII byte, where the WHATWG decoder always
 * starts afresh, so decoding a block alone gives what the stream decoder would.
 */
export interface Utf8StreamDecoder {
  /** Decodes the next chunk; an unfinished character at its end waits for the next chunk. */
  decode(chunk: Uint8Array): string
  /** Forgets an unfinished character, for the start of a new stream. */
  reset(): void
}

interface NodeBuffer {
  byteLength(text: string, encoding: 'utf8'): number
  prototype: Record<
    'latin1Slice' | 'utf8Slice',
    (this: Uint8Array, from: number, to: number) => string
  >
}

const NODE = (globalThis as { Buffer?: NodeBuffer }).Buffer
const STREAM = { stream: true }
// Blocks are decoded one shot, which is slow from the first byte ≥ 0x80 on: splicing pays below
// one such byte in SPARSE (2.6–2.8× the streaming decoder at one `é` in 8 KiB; at one in 2 KiB
// it streams, 1.01–1.13×): bench:decode, bench/results.md, runs of 2026-12-01 and 2026-12-06.
const BLOCK = 1024
const SPARSE = 2048

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
      // a native call per byte (`pnpm bench --chunks 1`, bench/results.md). Twin of the first
      // step of the browser build's decoder (utf8-stream-decoder.browser.ts).
      if (length === 1 && endsInAscii && clean) return String.fromCharCode(last)
      if (copying) {
        const { latin1Slice, utf8Slice } = (NODE as NodeBuffer).prototype
        const text = latin1Slice.call(chunk, 0, length)
        let high = (NODE as NodeBuffer).byteLength(text, 'utf8') - length
        if (high === 0) return text
        if (endsInAscii && high * SPARSE < length) {
          let spliced = ''
          let from = 0
          // Bounded: every block moves `from` on, and the chunk ends in ASCII.
          while (high > 0 && from < length) {
            let to = Math.min(from + BLOCK, length)
            while ((chunk[to - 1] as number) >= 0x80) to++
            const block = text.slice(from, to)
            const count = (NODE as NodeBuffer).byteLength(block, 'utf8') - block.length
            spliced += count > 0 ? utf8Slice.call(chunk, from, to) : block
            high -= count
            from = to
          }
          return spliced + text.slice(from)
        }
      }
      const text = streaming.decode(chunk, STREAM)
      clean = endsInAscii
      // Back to copying when even twice the characters beyond ASCII (a character of two to four
      // bytes shortens the text by one or two) is sparse: no flip-flop around the threshold.
      copying = NODE !== undefined && endsInAscii && (length - text.length) * 2 * SPARSE < length
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
