import { describe, expect, it } from 'vitest'
import { collect } from './collect.fixtures'
import { event } from './conformance.fixtures'
import { ParseError } from './parse-error'
import { createParser } from './parser'
import type { ServerSentEvent } from './types'

function recordingParser(options: { lastEventId?: string } = {}) {
  const events: ServerSentEvent[] = []
  const parser = createParser({ ...options, onEvent: (e) => events.push(e) })
  return { parser, events }
}

describe('the stream lifecycle', () => {
  it('keeps the last event id through end() for the next stream', () => {
    const { parser, events } = recordingParser()
    parser.feed('id: 5\ndata: a\n\n')
    parser.end()
    parser.feed('data: b\n\n')
    expect(events).toEqual([event('a', { id: '5' }), event('b', { lastEventId: '5' })])
    expect(parser.lastEventId).toBe('5')
  })

  it('forgets the id of a block cut off by end()', () => {
    const { parser, events } = recordingParser()
    parser.feed('id: 1\ndata: a\n\nid: 2\ndata: cut')
    parser.end()
    parser.feed('data: b\n\n')
    expect(events).toEqual([event('a', { id: '1' }), event('b', { lastEventId: '1' })])
  })

  it('discards a half line and half event at end() instead of joining them to the next stream', () => {
    const { parser, events } = recordingParser()
    parser.feed('event: x\ndata: one\ndata: tw')
    parser.end()
    parser.feed('o\n\ndata: fresh\n\n')
    expect(events).toEqual([event('fresh')])
  })

  it('strips a BOM again at the start of the next stream', () => {
    const { parser, events } = recordingParser()
    const encoder = new TextEncoder()
    parser.feed(encoder.encode('\uFEFFdata: a\n\n'))
    parser.end()
    parser.feed(encoder.encode('\uFEFFdata: b\n\n'))
    parser.end()
    parser.feed('\uFEFFdata: c\n\n')
    expect(events).toEqual([event('a'), event('b'), event('c')])
  })

  it('does not carry a partial UTF-8 character into the next stream', () => {
    const { parser, events } = recordingParser()
    const encoder = new TextEncoder()
    // 0xF0 opens a four-byte character that this stream never finishes.
    parser.feed(Uint8Array.from([...encoder.encode('data: a\n\n'), 0xf0]))
    parser.end()
    parser.feed(encoder.encode('data: b\n\n'))
    expect(events).toEqual([event('a'), event('b')])
  })

  it('does not take an LF after end() as the end of a CR line ending from the old stream', () => {
    const { parser, events } = recordingParser()
    parser.feed('data: a\r')
    parser.end()
    parser.feed('\ndata: b\n\n')
    expect(events).toEqual([event('b')])
  })

  it('starts from a given last event id', () => {
    const { parser, events } = recordingParser({ lastEventId: 'restored' })
    parser.feed('data: a\n\n')
    expect(events).toEqual([event('a', { lastEventId: 'restored' })])
  })

  it('sets the last event id on reset({ lastEventId })', () => {
    const { parser, events } = recordingParser()
    parser.feed('id: 1\n\n')
    parser.reset({ lastEventId: '42' })
    parser.feed('data: a\n\n')
    expect(events).toEqual([event('a', { lastEventId: '42' })])
    expect(parser.lastEventId).toBe('42')
  })

  it('stops the current chunk when a callback resets the parser', () => {
    const events: ServerSentEvent[] = []
    const parser = createParser({
      onEvent: (e) => {
        events.push(e)
        if (e.data === 'stop') parser.reset()
      },
    })
    parser.feed('data: stop\n\ndata: stale\n\n')
    parser.feed('data: next\n\n')
    expect(events.map((e) => e.data)).toEqual(['stop', 'next'])
  })
})

describe('memory limits', () => {
  it('fails with line-too-long when a line outgrows maxLineLength in one chunk', () => {
    const result = collect(['data: ok\n\ndata: ' + 'x'.repeat(20) + '\n\n'], { maxLineLength: 16 })
    expect(result.events).toEqual([event('ok')])
    expect(result.errors).toEqual([new ParseError('line-too-long', 16)])
    expect(result.errors[0]?.type).toBe('line-too-long')
  })

  it('fails with line-too-long before the end of an endless line arrives', () => {
    const chunks = ['data: ok\n\n', ...Array.from({ length: 10 }, () => 'xxxx')]
    const result = collect(chunks, { maxLineLength: 16 })
    expect(result.events).toEqual([event('ok')])
    expect(result.errors.map((e) => e.type)).toEqual(['line-too-long'])
  })

  it('accepts a line exactly maxLineLength long', () => {
    const line = 'data: ' + 'x'.repeat(10)
    const result = collect([line.slice(0, 5), line.slice(5) + '\n\n'], { maxLineLength: 16 })
    expect(result.errors).toEqual([])
    expect(result.events).toEqual([event('x'.repeat(10))])
  })

  it('fails with event-too-large when data lines pile up past maxEventLength', () => {
    const chunks = Array.from({ length: 10 }, () => 'data: 12345\n')
    const result = collect(chunks, { maxEventLength: 20 })
    expect(result.events).toEqual([])
    expect(result.errors).toEqual([new ParseError('event-too-large', 20)])
  })

  it('ignores input after a limit error until reset', () => {
    const events: ServerSentEvent[] = []
    const errors: ParseError[] = []
    const parser = createParser({
      maxLineLength: 8,
      onEvent: (e) => events.push(e),
      onError: (e) => errors.push(e),
    })
    parser.feed('data: far too long\n\n')
    parser.feed('data: a\n\n')
    expect(events).toEqual([])
    parser.reset()
    parser.feed('data: b\n\n')
    expect(events).toEqual([event('b')])
    expect(errors).toHaveLength(1)
  })
})

describe('callbacks', () => {
  it('works without the optional callbacks', () => {
    const { parser, events } = recordingParser()
    parser.feed(': comment\nretry: 10\ndata: a\n\n')
    expect(events).toEqual([event('a')])
  })

  it('reports a retry value of any length, past 2^53 rounded and absurd ones as Infinity', () => {
    const stream = `retry: 99999999999999999999\nretry: 9007199254740993\nretry: ${'9'.repeat(400)}\n`
    expect(collect([stream]).retries).toEqual([1e20, 9007199254740992, Infinity])
  })
})

describe('onId', () => {
  function idRecorder() {
    const ids: string[] = []
    const events: ServerSentEvent[] = []
    const parser = createParser({ onEvent: (e) => events.push(e), onId: (id) => ids.push(id) })
    return { parser, ids, events }
  }

  it('reports the id of a block without data when the block completes', () => {
    const { parser, ids, events } = idRecorder()
    parser.feed('id: 1\n')
    expect(ids).toEqual([])
    parser.feed('\nid: 2\nevent: ping\n\n')
    expect(ids).toEqual(['1', '2'])
    expect(events).toEqual([])
    expect(parser.lastEventId).toBe('2')
  })

  it('reports the id again when a block sets it to the value it already had', () => {
    const { parser, ids } = idRecorder()
    parser.feed('id: 5\n\nid: 5\n\nid\n\n')
    expect(ids).toEqual(['5', '5', ''])
  })

  it('is not called for blocks that dispatch an event, which carry their id themselves', () => {
    const { parser, ids, events } = idRecorder()
    parser.feed('id: 3\ndata: a\n\ndata: b\n\n')
    expect(ids).toEqual([])
    expect(events).toEqual([event('a', { id: '3' }), event('b', { lastEventId: '3' })])
  })

  it('is not called for blocks without an id, an id containing NUL, or a block cut off', () => {
    const { parser, ids } = idRecorder()
    parser.feed('event: x\n\n: comment\n\nid: a\u0000b\n\nid: 9\n')
    parser.end()
    expect(ids).toEqual([])
    expect(parser.lastEventId).toBe('')
  })

  it('stops the current chunk when onId resets the parser', () => {
    const ids: string[] = []
    const parser = createParser({
      onEvent: () => undefined,
      onId: (id) => {
        ids.push(id)
        parser.reset({ lastEventId: 'reset' })
      },
    })
    parser.feed('id: 1\n\nid: 2\n\n')
    expect(ids).toEqual(['1'])
    expect(parser.lastEventId).toBe('reset')
  })
})
