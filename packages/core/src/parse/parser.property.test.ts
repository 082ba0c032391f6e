import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  collect,
  createParserWithBrowserDecoder,
  createParserWithoutNodeBuffer,
} from './collect.fixtures'
import { createParser } from './parser'
import { parseWithReferenceModel } from './reference-model.fixtures'

// Seeded so a failure reproduces: rerun with FC_SEED=<seed printed in the test name>.
const seed = Number(process.env.FC_SEED ?? 20261125)
const numRuns = Number(process.env.FC_RUNS ?? 400)

const encoder = new TextEncoder()

// Pieces chosen to hit every branch: separators, NUL, BOMs, multibyte and astral characters.
const valueCharacter = fc.constantFrom(
  'a',
  'Z',
  '0',
  '7',
  ' ',
  ':',
  '\0',
  '\uFEFF',
  'é',
  '€',
  '😀',
  '\uFFFD',
  '{',
  '"',
)
const value = fc.array(valueCharacter, { maxLength: 12 }).map((chars) => chars.join(''))
const fieldName = fc.constantFrom('data', 'event', 'id', 'retry', 'Data', 'ID', 'foo', 'dat', '')
const lineEnding = fc.constantFrom('\n', '\r', '\r\n')

const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fieldName, fc.constantFrom(':', ': ', ''), value).map((p) => p.join('')),
  },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.nat({ max: 99999 }).map((n) => `retry: ${n}`) },
)

// Raw bytes too, so invalid UTF-8 and characters split across chunks are covered.
const stream = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(line, lineEnding), { maxLength: 30 }),
    fc.option(fc.constantFrom([0xff], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3])),
    fc.string({ maxLength: 6 }),
  )
  .map(([bom, lines, invalid, tail]) => {
    const text = (bom ? '\uFEFF' : '') + lines.map(([l, end]) => l + end).join('')
    const middle = Math.floor(text.length / 2)
    return Uint8Array.from([
      ...encoder.encode(text.slice(0, middle)),
      ...(invalid ?? []),
      ...encoder.encode(text.slice(middle) + tail),
    ])
  })

function cutAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let from = 0
  for (const point of points) {
    chunks.push(bytes.subarray(from, point))
    from = point
  }
  chunks.push(bytes.subarray(from))
  return chunks
}

describe.each([
  { decoder: "Node's decoder", create: createParser },
  { decoder: 'TextDecoder alone', create: await createParserWithoutNodeBuffer() },
  { decoder: 'the browser build', create: await createParserWithBrowserDecoder() },
])('the parser against a literal reference model of the spec ($decoder)', ({ create }) => {
  it(`gives the reference model's result for random streams cut at random offsets (seed ${seed})`, () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 12 }), (bytes, offsets) => {
        const expected = parseWithReferenceModel(bytes)
        const actual = collect(cutAt(bytes, offsets), {}, create)
        expect(actual).toEqual({ ...expected, errors: [] })
      }),
      { seed, numRuns },
    )
  })

  it(`gives the same result fed one byte at a time (seed ${seed})`, () => {
    fc.assert(
      fc.property(stream, (bytes) => {
        const expected = parseWithReferenceModel(bytes)
        expect(
          collect(
            Array.from(bytes, (b) => Uint8Array.of(b)),
            {},
            create,
          ),
        ).toEqual({
          ...expected,
          errors: [],
        })
      }),
      { seed, numRuns: Math.ceil(numRuns / 4) },
    )
  })
})
