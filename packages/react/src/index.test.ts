import { describe, expect, it } from 'vitest'
import * as react from './index'

describe('the public API', () => {
  it('exports exactly these hooks', () => {
    expect(Object.keys(react).sort()).toEqual([
      'useCreateEventStream',
      'useEventStream',
      'useEventStreamListener',
      'useEventStreamStatus',
    ])
    expect(Object.values(react).map((value) => typeof value)).toEqual(Array(4).fill('function'))
  })
})
