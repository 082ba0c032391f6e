import { describe, expect, it } from 'vitest'
import { decodeQuote, decodeReset } from './decode'

const QUOTE = '{"id":4,"symbol":"NVDA","price":141.97,"timestamp":"2026-11-25T08:43:50.690Z"}'

describe('the decoders', () => {
  it('read a quote of either server', () => {
    expect(decodeQuote(QUOTE)).toEqual({
      id: 4,
      symbol: 'NVDA',
      price: 141.97,
      timestamp: '2026-11-25T08:43:50.690Z',
    })
    const aspnet =
      '{"id":"2026-12-01T17:09:55.3459311Z","symbol":"GOOG","price":171.48,"timestamp":"2026-12-01T17:09:55.3459311Z"}'
    expect(decodeQuote(aspnet).id).toBe('2026-12-01T17:09:55.3459311Z')
  })

  it('refuse what is not a quote, saying what is missing', () => {
    expect(() => decodeQuote('{"symbol":"MSFT","price":')).toThrow(SyntaxError)
    expect(() => decodeQuote('[1]')).toThrow('expected a JSON object')
    expect(() => decodeQuote(QUOTE.replace('141.97', '"141.97"'))).toThrow(
      'a quote needs a finite number as its price',
    )
    expect(() => decodeQuote(QUOTE.replace('"NVDA"', '""'))).toThrow('a quote needs a symbol')
    expect(() => decodeQuote(QUOTE.replace('"id":4,', ''))).toThrow('a quote needs an id')
    expect(() => decodeQuote(QUOTE.replace('2026-11-25T08:43:50.690Z', 'soon'))).toThrow(
      'a quote needs an ISO 8601 timestamp',
    )
  })

  it('read a reset, and refuse one without a reason', () => {
    const reset = '{"reason":"too-old","lastEventId":"2","oldestId":4,"latestId":5}'
    expect(decodeReset(reset)).toEqual({
      reason: 'too-old',
      lastEventId: '2',
      oldestId: 4,
      latestId: 5,
    })
    expect(() => decodeReset('{"reason":"bored","lastEventId":"2"}')).toThrow(
      'a reset needs a reason: too-old or unknown',
    )
    expect(() => decodeReset('{"reason":"unknown"}')).toThrow(
      'a reset needs the lastEventId it refused',
    )
  })
})
