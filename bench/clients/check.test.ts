import { describe, expect, it } from 'vitest'
import { problems } from './check'
import type { PassResult } from './pass'

const clean: PassResult = {
  count: 4,
  idSum: 10,
  firstMs: 1,
  lastMs: 2,
  chunks: undefined,
  errors: [],
  failed: undefined,
  unsettled: false,
}

describe('problems', () => {
  it('finds none in a pass that delivered 1..n once over one connection', () => {
    expect(problems(clean, 4, true, 1)).toEqual([])
  })

  it('names a lost event, a broken checksum and a reconnection', () => {
    expect(problems({ ...clean, count: 3, idSum: 6 }, 4, true, 2)).toEqual([
      '3 events, expected 4',
      'id checksum 6, expected 10',
      '2 connections, expected 1',
    ])
  })

  it('catches an event doubled in place of another by the checksum alone', () => {
    expect(problems({ ...clean, idSum: 9 }, 4, true, 1)).toEqual(['id checksum 9, expected 10'])
  })

  it('does not ask a client that parses no JSON for a checksum', () => {
    expect(problems({ ...clean, idSum: 0 }, 4, false, 1)).toEqual([])
  })

  it('puts the reason a pass stopped first', () => {
    expect(problems({ ...clean, failed: 'timed out' }, 4, true, 1)).toEqual(['timed out'])
  })
})
