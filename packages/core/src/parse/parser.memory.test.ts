import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import type { ParseError } from './parse-error'
import { createParser } from './parser'
import type { ParserOptions } from './types'

// A garbage collector on demand, so the heap measured is what the parser really holds.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

// What the parser may hold, per character of the limit it enforces. Measured: 2.4 to 3.3 (see
// createParser's doc comment); this leaves room for the collector's slack. Before flattening,
// the same floods held 16 to 31, and the chunks kept alive by slices 4 700.
const BYTES_PER_CHARACTER = 6

/**
 * Feeds chunks until the parser reports an error (at most `count`), and returns the most heap
 * it held meanwhile: the largest growth over the start, each read after a full collection.
 */
function heldWhileFeeding(
  chunk: (index: number) => Uint8Array,
  count: number,
  options: Omit<ParserOptions, 'onEvent'>,
): { held: number; errors: ParseError[] } {
  const errors: ParseError[] = []
  const parser = createParser({
    ...options,
    onEvent: () => undefined,
    onError: (e) => errors.push(e),
  })
  gc()
  const start = process.memoryUsage().heapUsed
  let held = 0
  const every = Math.max(1, Math.floor(count / 32))
  for (let i = 0; i < count && errors.length === 0; i++) {
    parser.feed(chunk(i))
    if (i % every === every - 1) {
      gc()
      held = Math.max(held, process.memoryUsage().heapUsed - start)
    }
  }
  return { held, errors }
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('memory held under hostile input', () => {
  it('holds a few bytes per character of maxEventLength while empty data lines pile up', () => {
    // 64 KiB of `data:` lines without values or a blank line: one character of data each.
    const flood = encode('data:\n'.repeat(10923))
    const limit = 16 * 1024 * 1024
    const { held, errors } = heldWhileFeeding(() => flood, limit / 10923 + 2, {})
    expect(errors.map((e) => [e.type, e.limit])).toEqual([['event-too-large', limit]])
    expect(held).toBeLessThan(BYTES_PER_CHARACTER * limit)
  })

  it('holds a few bytes per character of maxEventLength for data in two-byte characters', () => {
    const flood = encode('data: 東\n'.repeat(7281))
    const limit = 16 * 1024 * 1024
    const { held, errors } = heldWhileFeeding(() => flood, limit / 7281 + 2, {})
    expect(errors.map((e) => e.type)).toEqual(['event-too-large'])
    expect(held).toBeLessThan(BYTES_PER_CHARACTER * limit)
  })

  it('holds a few bytes per character of maxLineLength while a line trickles in byte by byte', () => {
    const limit = 1024 * 1024
    const x = encode('x')
    const prefix = encode('data: ')
    const { held, errors } = heldWhileFeeding((i) => (i === 0 ? prefix : x), limit + 2, {
      maxLineLength: limit,
    })
    expect(errors.map((e) => [e.type, e.limit])).toEqual([['line-too-long', limit]])
    expect(held).toBeLessThan(BYTES_PER_CHARACTER * limit)
  })

  it('lets go of chunks that only a short data line in each still points into', () => {
    // Each 64 KiB chunk adds 14 characters of data; the rest is a comment. A slice of a string
    // keeps the whole string alive, so without copying out, every chunk would stay.
    const chunk = encode('data: ' + 'y'.repeat(13) + '\n: ' + 'c'.repeat(65536 - 30) + '\n')
    const limit = 256 * 1024
    const { held, errors } = heldWhileFeeding(() => chunk, limit / 14 + 2, {
      maxEventLength: limit,
    })
    expect(errors.map((e) => e.type)).toEqual(['event-too-large'])
    expect(held).toBeLessThan(BYTES_PER_CHARACTER * limit)
  })
})
