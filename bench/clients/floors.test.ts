import { describe, expect, it } from 'vitest'
import { quoteBody } from '../lib/payloads'
import { blankLineCounter, dataLineSlicer } from './floors'

const bytes = quoteBody('utf8', 12)
const text = new TextDecoder().decode(bytes)
const ids = Array.from({ length: 12 }, (_, i) => i + 1)

/** The body cut at one byte, each side decoded as a client's streaming TextDecoder would. */
function splitAt(at: number): string[] {
  const decoder = new TextDecoder()
  return [
    decoder.decode(bytes.subarray(0, at), { stream: true }),
    decoder.decode(bytes.subarray(at), { stream: true }),
  ]
}

describe('blankLineCounter', () => {
  it('counts every block once wherever the bytes are cut, inside a character too', () => {
    for (let at = 0; at <= bytes.length; at++) {
      let blocks = 0
      const count = blankLineCounter(() => blocks++)
      for (const piece of splitAt(at)) count(piece)
      expect(blocks, `cut at byte ${at}`).toBe(12)
    }
  })

  it('counts every block when fed one character at a time', () => {
    let blocks = 0
    const count = blankLineCounter(() => blocks++)
    for (const char of text) count(char)
    expect(blocks).toBe(12)
  })
})

describe('dataLineSlicer', () => {
  it('hands over each data line whole wherever the bytes are cut', () => {
    for (let at = 0; at <= bytes.length; at++) {
      const seen: number[] = []
      const slice = dataLineSlicer((data) => seen.push((JSON.parse(data) as { id: number }).id))
      for (const piece of splitAt(at)) slice(piece)
      expect(seen, `cut at byte ${at}`).toEqual(ids)
    }
  })

  it('keeps an unfinished block until its blank line arrives', () => {
    const seen: string[] = []
    const slice = dataLineSlicer((data) => seen.push(data))
    slice('event: x\ndata: {"a":1}\n')
    expect(seen).toEqual([])
    slice('\n')
    expect(seen).toEqual(['{"a":1}'])
  })
})
