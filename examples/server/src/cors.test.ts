import { describe, expect, it } from 'vitest'
import { corsHeaders, preflightHeaders } from './cors'

const allowed = ['http://localhost:5173']

describe('corsHeaders', () => {
  it('echoes an allowed origin with credentials and exposes Retry-After', () => {
    expect(corsHeaders('http://localhost:5173', allowed)).toEqual({
      'Access-Control-Allow-Origin': 'http://localhost:5173',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Expose-Headers': 'Retry-After, X-Rivulet-Instance',
      Vary: 'Origin',
    })
  })

  it('grants nothing to another origin and nothing is needed without one', () => {
    expect(corsHeaders('http://evil.example', allowed)).toEqual({ Vary: 'Origin' })
    expect(corsHeaders(undefined, allowed)).toEqual({})
  })

  it('allows any origin with a wildcard, which cannot carry credentials', () => {
    expect(corsHeaders('http://any.example', ['*'])).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'Retry-After, X-Rivulet-Instance',
    })
  })
})

describe('preflightHeaders', () => {
  it('allows GET, the control methods and the Last-Event-ID header for an allowed origin', () => {
    const headers = preflightHeaders('http://localhost:5173', allowed)
    expect(headers?.['Access-Control-Allow-Methods']).toBe('GET, POST, DELETE, OPTIONS')
    expect(headers?.['Access-Control-Allow-Headers']).toContain('Last-Event-ID')
  })

  it('refuses a preflight from an origin that is not allowed', () => {
    expect(preflightHeaders('http://evil.example', allowed)).toBeUndefined()
    expect(preflightHeaders(undefined, allowed)).toBeUndefined()
  })
})
