import { describe, expect, it } from 'vitest'
import {
  contentTypeError,
  decodeError,
  eventSourceError,
  gaveUpError,
  httpError,
  isStreamError,
  networkError,
  parseError,
  requestError,
  timeoutError,
  validationError,
} from './errors'
import type { StreamError, StreamErrorKind } from './errors'
import { ParseError } from './parse'

describe('isStreamError', () => {
  it('recognises an error of every kind, and nothing else', () => {
    const event = { type: 'tick', data: '{', id: '1' }
    const errors: StreamError[] = [
      httpError({ status: 503, statusText: '', headers: {}, body: '', retryAfter: undefined }),
      contentTypeError('text/html'),
      networkError(new TypeError('fetch failed')),
      timeoutError(1000),
      eventSourceError(undefined),
      parseError(new ParseError('line-too-long', 10)),
      requestError(new Error('no token')),
      decodeError(event, new SyntaxError('bad')),
      validationError(event, [{ message: 'Expected number' }]),
      gaveUpError(3, networkError('down')),
    ]
    const kinds: StreamErrorKind[] = errors.map((error) => error.kind)
    expect(new Set(kinds).size).toBe(10)
    expect(errors.filter(isStreamError).map((error) => error.kind)).toEqual(kinds)
    expect([new Error('x'), { kind: 'other' }, null, 'http'].filter(isStreamError)).toEqual([])
  })
})
