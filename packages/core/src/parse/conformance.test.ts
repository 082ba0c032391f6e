import { describe, expect, it } from 'vitest'
import {
  collect,
  createParserWithBrowserDecoder,
  createParserWithoutNodeBuffer,
  oneByOne,
  splitAt,
} from './collect.fixtures'
import { type Fixture, fixtures } from './conformance.fixtures'
import { createParser } from './parser'

const encode = (stream: string | Uint8Array): Uint8Array =>
  typeof stream === 'string' ? new TextEncoder().encode(stream) : stream

function expectedOf(fixture: Fixture) {
  return {
    events: fixture.events,
    comments: fixture.comments ?? expect.any(Array),
    retries: fixture.retries ?? expect.any(Array),
    errors: [],
    lastEventId: fixture.lastEventId ?? expect.any(String),
  }
}

// Bytes go through one of two decoders: Node's (where `Buffer` exists) or `TextDecoder` alone,
// as in browsers. Every fixture runs through both.
const decoders = [
  { decoder: "Node's decoder", create: createParser },
  { decoder: 'TextDecoder alone', create: await createParserWithoutNodeBuffer() },
  { decoder: 'the browser build', create: await createParserWithBrowserDecoder() },
]
const byteCases = fixtures.flatMap((fixture) => decoders.map((d) => ({ ...fixture, ...d })))

describe.each(byteCases)('$rule (bytes, $decoder)', (fixture) => {
  const bytes = encode(fixture.stream)
  const expected = expectedOf(fixture)
  const run = (chunks: Uint8Array[]) => collect(chunks, {}, fixture.create)

  it('holds when the stream arrives as one chunk', () => {
    expect(run([bytes])).toEqual(expected)
  })

  it('holds when the stream is cut in two at every byte', () => {
    for (let i = 0; i <= bytes.length; i++) {
      expect(run(splitAt(bytes, i)), `cut at byte ${i}`).toEqual(expected)
    }
  })

  it('holds when the bytes arrive one at a time', () => {
    expect(run(oneByOne(bytes))).toEqual(expected)
  })
})

const textFixtures = fixtures.flatMap((fixture) =>
  typeof fixture.stream === 'string' ? [{ ...fixture, text: fixture.stream }] : [],
)

describe.each(textFixtures)('$rule (strings)', (fixture) => {
  const expected = expectedOf(fixture)

  it('holds when the stream arrives as one string', () => {
    expect(collect([fixture.text])).toEqual(expected)
  })

  it('holds when the string is cut in two at every index', () => {
    for (let i = 0; i <= fixture.text.length; i++) {
      expect(collect(splitAt(fixture.text, i)), `cut at index ${i}`).toEqual(expected)
    }
  })

  it('holds when the string arrives one code unit at a time', () => {
    expect(collect(oneByOne(fixture.text))).toEqual(expected)
  })
})
