import { describe, expect, it } from 'vitest'
import { formatComment, formatEvent, formatRetry } from './sse-format'

describe('formatEvent', () => {
  it('writes event, data and id lines in the ASP.NET order, ending with a blank line', () => {
    expect(formatEvent({ event: 'stockUpdate', data: '{"a":1}', id: '7' })).toBe(
      'event: stockUpdate\ndata: {"a":1}\nid: 7\n\n',
    )
  })

  it('leaves out the event and id lines when they are not given', () => {
    expect(formatEvent({ data: 'x' })).toBe('data: x\n\n')
  })

  it('splits data with line breaks of any kind into several data lines', () => {
    expect(formatEvent({ data: 'a\nb\r\nc\rd' })).toBe('data: a\ndata: b\ndata: c\ndata: d\n\n')
  })

  it('refuses an id or event name that would break the line structure', () => {
    expect(() => formatEvent({ data: 'x', id: '1\n2' })).toThrow(/id/)
    expect(() => formatEvent({ data: 'x', event: 'a\rb' })).toThrow(/event/)
  })
})

describe('formatRetry and formatComment', () => {
  it('writes a retry field as whole milliseconds', () => {
    expect(formatRetry(1500.7)).toBe('retry: 1500\n\n')
  })

  it('writes a comment line that a client ignores', () => {
    expect(formatComment('heartbeat')).toBe(': heartbeat\n\n')
  })
})
