import { describe, expect, it } from 'vitest'
import { median, quantile, rotated, spread } from './stats'

describe('quantile', () => {
  it('interpolates between the two nearest samples', () => {
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25)
    expect(quantile([40, 10, 30, 20], 0.25)).toBe(17.5)
    expect(quantile([1, 2, 3, 4, 5], 0.99)).toBeCloseTo(4.96, 10)
  })

  it('gives NaN for no samples rather than a made-up figure', () => {
    expect(quantile([], 0.5)).toBeNaN()
    expect(median([Number.NaN])).toBeNaN()
  })
})

describe('spread', () => {
  it('reports median, range and quartiles of the finite samples only', () => {
    expect(spread([3, 1, Number.POSITIVE_INFINITY, 2, Number.NaN, 5])).toEqual({
      median: 2.5,
      min: 1,
      max: 5,
      q1: 1.75,
      q3: 3.5,
      n: 4,
    })
  })
})

describe('rotated', () => {
  it('starts each round one further along, wrapping around', () => {
    expect(rotated(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c'])
    expect(rotated(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a'])
    expect(rotated(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b'])
    expect(rotated([], 3)).toEqual([])
  })
})
