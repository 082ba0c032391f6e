import { describe, expect, it } from 'vitest'
import {
  contentTypeError,
  eventSourceError,
  httpError,
  networkError,
  parseError,
  requestError,
} from '../errors'
import { ParseError } from '../parse'
import { defaultRetryPolicy, resolveRetryPolicy, shouldRetryByDefault } from './policy'

const http = (status: number) =>
  httpError({ status, statusText: '', headers: {}, body: '', retryAfter: undefined })

describe('shouldRetryByDefault', () => {
  it('retries network failures', () => {
    expect(shouldRetryByDefault(networkError(new TypeError('fetch failed')))).toBe(true)
  })

  it('retries 5xx, 408 and 429 and nothing else of HTTP', () => {
    const statuses = [400, 401, 403, 404, 408, 410, 429, 500, 502, 503]
    const retried = statuses.filter((status) => shouldRetryByDefault(http(status)))
    expect(retried).toEqual([408, 429, 500, 502, 503])
  })

  it('treats a wrong content type, a parser limit and a failing request function as fatal', () => {
    expect(shouldRetryByDefault(contentTypeError('text/html'))).toBe(false)
    expect(shouldRetryByDefault(parseError(new ParseError('line-too-long', 10)))).toBe(false)
    expect(shouldRetryByDefault(requestError(new Error('no token')))).toBe(false)
  })

  it('retries an EventSource failure only when its status says so', () => {
    expect(shouldRetryByDefault(eventSourceError(undefined))).toBe(false)
    expect(shouldRetryByDefault(eventSourceError(404))).toBe(false)
    expect(shouldRetryByDefault(eventSourceError(503))).toBe(true)
  })
})

describe('resolveRetryPolicy', () => {
  it('fills a partial policy from the defaults', () => {
    const policy = resolveRetryPolicy({ maxAttempts: 3 })
    expect(policy).toEqual({ ...defaultRetryPolicy, maxAttempts: 3 })
    expect(resolveRetryPolicy(undefined)).toBe(defaultRetryPolicy)
  })
})
