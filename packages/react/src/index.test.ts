import { describe, expect, it } from 'vitest'
import * as react from './index'

describe('the public API', () => {
  it('exports exactly these hooks', () => {
    expect(Object.keys(react).sort()).toEqual([
      'useCreateEventStream',
      'useEventList',
      'useEventReducer',
      'useEventStream',
      'useEventStreamErrors',
      'useEventStreamListener',
      'useEventStreamStatus',
    ])
    expect(Object.values(react).map((value) => typeof value)).toEqual(Array(7).fill('function'))
  })
})
