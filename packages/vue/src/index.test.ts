import { describe, expect, it } from 'vitest'
import * as vue from './index'

describe('the public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(vue).sort()).toEqual([
      'useCreateEventStream',
      'useEventList',
      'useEventReducer',
      'useEventStream',
      'useEventStreamErrors',
      'useEventStreamListener',
      'useEventStreamStatus',
    ])
  })
})
