import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { createUtf8StreamDecoder } from './utf8-stream-decoder'
import { createUtf8StreamDecoder as createBrowserDecoder } from './utf8-stream-decoder.browser'

// Seeded so a failure reproduces: rerun with FC_SEED=<seed printed in the test name>.
const seed = Number(process.env.FC_SEED ?? 20261125)
const oneShot = new TextDecoder('utf-8', { ignoreBOM: true })
const LF = Uint8Array.of(0x0a)

async function createWithoutNodeBuffer(): Promise<typeof createUtf8StreamDecoder> {
  vi.stubGlobal('Buffer', undefined)
  vi.resetModules()
  try {
    return (await import('./utf8-stream-decoder')).createUtf8StreamDecoder
  } finally {
    vi.unstubAllGlobals()
    vi.resetModules()
  }
}

/**
 * Decodes the pieces, then an LF: the LF ends any unfinished character (a decoder may hold back
 * bytes that can never complete one, as long as they come out before the next ASCII byte).
 */
function decodeAll(create: typeof createUtf8StreamDecoder, pieces: Uint8Array[]): string {
  const decoder = create()
  return pieces.map((piece) => decoder.decode(piece)).join('') + decoder.decode(LF)
}

function cut(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const pieces: Uint8Array[] = []
  let from = 0
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, point))
    from = point
  }
  return pieces
}

const whole = (bytes: Uint8Array): string => oneShot.decode(Uint8Array.from([...bytes, 0x0a]))

// Bytes biased towards UTF-8's interesting ranges: ASCII, continuation bytes, every lead kind.
const byte = fc.oneof(
  fc.integer({ min: 0x00, max: 0x7f }),
  fc.integer({ min: 0x80, max: 0xbf }),
  fc.integer({ min: 0xc0, max: 0xff }),
)
const validText = fc.string({ unit: 'binary', maxLength: 40 })
// Long ASCII with a few other characters (fewer than one byte in 2 KiB, now and then): what
// Node's decoder splices rather than streams.
const sparseText = fc
  .array(
    fc.oneof(fc.constant('a'.repeat(3000)), fc.constantFrom('é', '€', '😀', '日本', '\uFFFD')),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''))

describe.each([
  { path: "Node's path", create: createUtf8StreamDecoder },
  { path: 'TextDecoder alone', create: await createWithoutNodeBuffer() },
  { path: 'the browser build', create: createBrowserDecoder },
])('the UTF-8 stream decoder ($path)', ({ create }) => {
  it(`decodes valid text cut anywhere exactly as a one-shot decode (seed ${seed})`, () => {
    fc.assert(
      fc.property(validText, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = new TextEncoder().encode(text)
        expect(decodeAll(create, cut(bytes, cuts))).toBe(whole(bytes))
      }),
      { seed, numRuns: 500 },
    )
  })

  it(`decodes long ASCII with a few other characters exactly, cut anywhere (seed ${seed})`, () => {
    fc.assert(
      fc.property(sparseText, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = new TextEncoder().encode(text)
        expect(decodeAll(create, cut(bytes, cuts))).toBe(whole(bytes))
      }),
      { seed, numRuns: 300 },
    )
  })

  it(`replaces invalid bytes exactly as a one-shot decode, wherever the cuts fall (seed ${seed})`, () => {
    fc.assert(
      fc.property(
        fc.array(byte, { maxLength: 40 }),
        fc.nat({ max: 12000 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (values, ascii, cuts) => {
          // Sometimes behind enough ASCII that Node's decoder splices instead of streaming.
          const bytes = Uint8Array.from([...new Array<number>(ascii).fill(0x61), ...values])
          expect(decodeAll(create, cut(bytes, cuts))).toBe(whole(bytes))
        },
      ),
      { seed, numRuns: 2000 },
    )
  })

  it(`decodes exactly while switching between its paths (seed ${seed})`, () => {
    const asciiChunk = fc.array(fc.integer({ min: 0x00, max: 0x7f }), {
      minLength: 1,
      maxLength: 600,
    })
    const anyChunk = fc.array(byte, { minLength: 1, maxLength: 6 })
    const chunks = fc.array(fc.oneof(asciiChunk, asciiChunk, anyChunk), { maxLength: 30 })
    fc.assert(
      fc.property(chunks, (values) => {
        const pieces = values.map((v) => Uint8Array.from(v))
        expect(decodeAll(create, pieces)).toBe(whole(Uint8Array.from(values.flat())))
      }),
      { seed, numRuns: 500 },
    )
  })

  it('keeps an unfinished character until its last byte arrives', () => {
    const decoder = create()
    const euro = [0xe2, 0x82, 0xac]
    expect(decoder.decode(Uint8Array.of(0x61, euro[0] as number))).toBe('a')
    expect(decoder.decode(Uint8Array.of(euro[1] as number))).toBe('')
    expect(decoder.decode(Uint8Array.of(euro[2] as number, 0x62))).toBe('€b')
  })

  it('keeps every BOM, since only the parser knows where the stream starts', () => {
    const decoder = create()
    expect(decoder.decode(Uint8Array.of(0xef, 0xbb))).toBe('')
    expect(decoder.decode(Uint8Array.of(0xbf, 0x61))).toBe('\uFEFFa')
  })

  it('copies an unfinished character, so the caller may reuse its buffer', () => {
    const decoder = create()
    const buffer = new Uint8Array(400).fill(0x61)
    buffer[399] = 0xc3
    decoder.decode(buffer)
    buffer.fill(0)
    expect(decoder.decode(Uint8Array.of(0xa9))).toBe('é')
  })

  it('drops an unfinished character on reset', () => {
    const decoder = create()
    decoder.decode(Uint8Array.of(0xf0, 0x9f))
    decoder.reset()
    expect(decoder.decode(Uint8Array.of(0x61))).toBe('a')
  })
})
