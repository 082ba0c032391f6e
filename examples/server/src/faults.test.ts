import { describe, expect, it } from 'vitest'
import { hasFaults, parseFaults } from './faults'

const parse = (query: string) => parseFaults(new URLSearchParams(query))

describe('parseFaults', () => {
  it('reads no faults from a plain or resume-only query', () => {
    expect(parse('')).toEqual({ ok: true, faults: {} })
    expect(parse('lastEventId=4')).toEqual({ ok: true, faults: {} })
    expect(hasFaults({})).toBe(false)
  })

  it('reads every counted and timed fault', () => {
    expect(parse('dropAfter=3&dropMidEvent=2&malformedAfter=1&stall=250&retry=50')).toEqual({
      ok: true,
      faults: { dropAfter: 3, dropMidEvent: 2, malformedAfter: 1, stall: 250, retry: 50 },
    })
  })

  it('adds a one-second Retry-After to a 503 unless told otherwise', () => {
    expect(parse('status=503')).toEqual({ ok: true, faults: { status: 503, retryAfter: 1 } })
    expect(parse('status=500&retryAfter=30')).toEqual({
      ok: true,
      faults: { status: 500, retryAfter: 30 },
    })
    expect(parse('status=204&retryAfter=30')).toEqual({ ok: true, faults: { status: 204 } })
  })

  it('reads a wrong content type', () => {
    expect(parse('contentType=text/html')).toEqual({
      ok: true,
      faults: { contentType: 'text/html' },
    })
  })

  it.each([
    ['status=200', /204 or 400-599/],
    ['status=abc', /status/],
    ['dropAfter=-1', /dropAfter/],
    ['stall=1.5', /stall/],
    ['stall=600001', /stall/],
    ['contentType=a%0Ab', /contentType/],
  ])('rejects %s with a message naming the problem', (query, message) => {
    const result = parse(query)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.error).toMatch(message)
  })
})
