import { describe, expect, it } from 'vitest'
import { collect, oneByOne, splitAt } from './collect.fixtures'
import { type Fixture, fixtures } from './conformance.fixtures'

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

describe.each(fixtures)('$rule (bytes)', (fixture) => {
  const bytes = encode(fixture.stream)
  const expected = expectedOf(fixture)

  it('holds when the stream arrives as one chunk', () => {
    expect(collect([bytes])).toEqual(expected)
  })

  it('holds when the stream is cut in two at every byte', () => {
    for (let i = 0; i <= bytes.length; i++) {
      expect(collect(splitAt(bytes, i)), `cut at byte ${i}`).toEqual(expected)
    }
  })

  it('holds when the bytes arrive one at a time', () => {
    expect(collect(oneByOne(bytes))).toEqual(expected)
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
