import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createUtf8StreamDecoder } from './utf8-stream-decoder'

// Seeded so a failure reproduces: rerun with FC_SEED=<seed printed in the test name>.
const seed = Number(process.env.FC_SEED ?? 20261125)
const oneShot = new TextDecoder('utf-8', { ignoreBOM: true })

function decodeInPieces(bytes: Uint8Array, cuts: number[]): string {
  const decoder = createUtf8StreamDecoder()
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  let text = ''
  let from = 0
  for (const point of [...points, bytes.length]) {
    text += decoder.decode(bytes.subarray(from, point))
    from = point
  }
  return text + decoder.flush()
}

// Bytes biased towards UTF-8's interesting ranges: ASCII, continuation bytes, every lead kind.
const byte = fc.oneof(
  fc.integer({ min: 0x00, max: 0x7f }),
  fc.integer({ min: 0x80, max: 0xbf }),
  fc.integer({ min: 0xc0, max: 0xff }),
)
const validText = fc.string({ unit: 'binary', maxLength: 40 })

describe('the UTF-8 stream decoder', () => {
  it(`decodes valid text cut anywhere exactly as a one-shot decode (seed ${seed})`, () => {
    fc.assert(
      fc.property(validText, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = new TextEncoder().encode(text)
        expect(decodeInPieces(bytes, cuts)).toBe(oneShot.decode(bytes))
      }),
      { seed, numRuns: 500 },
    )
  })

  it(`replaces invalid bytes exactly as a one-shot decode, wherever the cuts fall (seed ${seed})`, () => {
    fc.assert(
      fc.property(
        fc.array(byte, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (values, cuts) => {
          const bytes = Uint8Array.from(values)
          expect(decodeInPieces(bytes, cuts)).toBe(oneShot.decode(bytes))
        },
      ),
      { seed, numRuns: 2000 },
    )
  })

  it(`decodes exactly while switching between its ASCII and streaming paths (seed ${seed})`, () => {
    const asciiChunk = fc.array(fc.integer({ min: 0x00, max: 0x7f }), {
      minLength: 1,
      maxLength: 6,
    })
    const anyChunk = fc.array(byte, { minLength: 1, maxLength: 6 })
    // Runs of ASCII chunks long enough to switch back, between chunks of anything.
    const chunks = fc.array(fc.oneof(asciiChunk, asciiChunk, anyChunk), { maxLength: 30 })
    fc.assert(
      fc.property(chunks, (values) => {
        const decoder = createUtf8StreamDecoder()
        const pieces = values.map((v) => decoder.decode(Uint8Array.from(v)))
        const all = Uint8Array.from(values.flat())
        expect(pieces.join('') + decoder.flush()).toBe(oneShot.decode(all))
      }),
      { seed, numRuns: 1000 },
    )
  })

  it('keeps an unfinished character until its last byte arrives', () => {
    const decoder = createUtf8StreamDecoder()
    const euro = [0xe2, 0x82, 0xac]
    expect(decoder.decode(Uint8Array.of(0x61, euro[0] as number))).toBe('a')
    expect(decoder.decode(Uint8Array.of(euro[1] as number))).toBe('')
    expect(decoder.decode(Uint8Array.of(euro[2] as number, 0x62))).toBe('€b')
  })

  it('keeps every BOM, since only the parser knows where the stream starts', () => {
    const decoder = createUtf8StreamDecoder()
    expect(decoder.decode(Uint8Array.of(0xef, 0xbb))).toBe('')
    expect(decoder.decode(Uint8Array.of(0xbf, 0x61))).toBe('\uFEFFa')
  })

  it('copies an unfinished character, so the caller may reuse its buffer', () => {
    const decoder = createUtf8StreamDecoder()
    const buffer = Uint8Array.of(0x61, 0xc3)
    decoder.decode(buffer)
    buffer.fill(0)
    expect(decoder.decode(Uint8Array.of(0xa9))).toBe('é')
  })

  it('switches to streaming for mostly non-ASCII text without losing a character cut in two', () => {
    const decoder = createUtf8StreamDecoder()
    const bytes = new TextEncoder().encode('ascii first, then 東京 and γάμμα 😀 end')
    const cut = bytes.indexOf(0xf0) + 2
    const pieces = [bytes.subarray(0, 13), bytes.subarray(13, cut), bytes.subarray(cut)]
    expect(pieces.map((piece) => decoder.decode(piece)).join('') + decoder.flush()).toBe(
      'ascii first, then 東京 and γάμμα 😀 end',
    )
  })

  it('decodes byte by byte, ASCII and not', () => {
    const decoder = createUtf8StreamDecoder()
    const bytes = new TextEncoder().encode('a€b😀c')
    expect(Array.from(bytes, (b) => decoder.decode(Uint8Array.of(b))).join('')).toBe('a€b😀c')
  })

  it('ends an unfinished character with U+FFFD on flush', () => {
    const decoder = createUtf8StreamDecoder()
    expect(decoder.decode(Uint8Array.of(0x61, 0xe2, 0x82))).toBe('a')
    expect(decoder.flush()).toBe('\uFFFD')
    expect(decoder.flush()).toBe('')
  })

  it('drops an unfinished character on reset', () => {
    const decoder = createUtf8StreamDecoder()
    decoder.decode(Uint8Array.of(0xf0, 0x9f))
    decoder.reset()
    expect(decoder.decode(Uint8Array.of(0x61))).toBe('a')
  })
})
