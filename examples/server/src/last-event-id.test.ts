import { describe, expect, it } from 'vitest'
import { decodeHeaderBytes, readResumePoint } from './last-event-id'

const query = (text: string) => new URLSearchParams(text)
/** What Node's http module hands over for these UTF-8 bytes: one Latin-1 character per byte. */
const asNodeGivesIt = (text: string) => Buffer.from(text, 'utf8').toString('latin1')

describe('readResumePoint', () => {
  it('reads the Last-Event-ID header', () => {
    expect(readResumePoint('12', query(''))).toEqual({ kind: 'id', raw: '12' })
  })

  it('falls back to the lastEventId query parameter', () => {
    expect(readResumePoint(undefined, query('lastEventId=5'))).toEqual({ kind: 'id', raw: '5' })
  })

  it('prefers the header, which is newer on an automatic reconnect', () => {
    expect(readResumePoint('9', query('lastEventId=5'))).toEqual({ kind: 'id', raw: '9' })
  })

  it('treats a missing or empty id as a fresh start', () => {
    expect(readResumePoint('', query('lastEventId='))).toEqual({ kind: 'none' })
    expect(readResumePoint(undefined, query(''))).toEqual({ kind: 'none' })
  })

  it('reads the header bytes as UTF-8, as the spec says clients send them', () => {
    for (const id of ['株-7', 'é-8', '📈-9']) {
      expect(readResumePoint(asNodeGivesIt(id), query(''))).toEqual({ kind: 'id', raw: id })
    }
  })

  it('reads the query parameter as percent-encoded UTF-8', () => {
    expect(readResumePoint(undefined, query('lastEventId=%E6%A0%AA-7'))).toEqual({
      kind: 'id',
      raw: '株-7',
    })
  })
})

describe('decodeHeaderBytes', () => {
  it('leaves ASCII as it is and turns bytes that are not UTF-8 into U+FFFD', () => {
    expect(decodeHeaderBytes('1796143601319-0')).toBe('1796143601319-0')
    expect(decodeHeaderBytes('\xe9-8')).toBe('\ufffd-8')
  })
})
