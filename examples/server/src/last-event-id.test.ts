import { describe, expect, it } from 'vitest'
import { readResumePoint } from './last-event-id'

const query = (text: string) => new URLSearchParams(text)

describe('readResumePoint', () => {
  it('reads the Last-Event-ID header', () => {
    expect(readResumePoint('12', query(''))).toEqual({ kind: 'id', id: 12, raw: '12' })
  })

  it('falls back to the lastEventId query parameter', () => {
    expect(readResumePoint(undefined, query('lastEventId=5'))).toEqual({
      kind: 'id',
      id: 5,
      raw: '5',
    })
  })

  it('prefers the header, which is newer on an automatic reconnect', () => {
    expect(readResumePoint('9', query('lastEventId=5'))).toMatchObject({ id: 9 })
  })

  it('treats a missing or empty id as a fresh start', () => {
    expect(readResumePoint('', query('lastEventId='))).toEqual({ kind: 'none' })
  })

  it('marks an id this server could not have sent as invalid', () => {
    expect(readResumePoint('abc', query(''))).toEqual({ kind: 'invalid', raw: 'abc' })
    expect(readResumePoint('-1', query(''))).toEqual({ kind: 'invalid', raw: '-1' })
    expect(readResumePoint('99999999999999999999', query(''))).toMatchObject({ kind: 'invalid' })
  })
})
