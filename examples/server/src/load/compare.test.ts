import { describe, expect, it } from 'vitest'
import { compare, spread } from './compare'

const round = (eventsPerSecond: number, p50: number, p99: number, pass = true) => ({
  eventsPerSecond,
  p50,
  p99,
  pass,
})

describe('spread', () => {
  it('gives the median (the middle two averaged) and the lowest and highest value', () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 })
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 })
    expect(spread([])).toEqual({ median: 0, min: 0, max: 0 })
  })
})

describe('compare', () => {
  it('takes ratios round by round, so each compares runs made back to back', () => {
    const result = compare(
      [round(100, 10, 40), round(50, 20, 80), round(100, 10, 40)],
      [round(90, 20, 40), round(50, 30, 160), round(80, 10, 60)],
    )
    expect(result.rounds).toBe(3)
    expect(result.a.eventsPerSecond).toEqual({ median: 100, min: 50, max: 100 })
    expect(result.ratio.eventsPerSecond).toEqual({ median: 0.9, min: 0.8, max: 1 })
    expect(result.ratio.p50).toEqual({ median: 1.5, min: 1, max: 2 })
    expect(result.ratio.p99).toEqual({ median: 1.5, min: 1, max: 2 })
    expect(result.allPassed).toBe(true)
  })

  it('reports a round that failed its every-client-got-every-event check', () => {
    expect(compare([round(1, 1, 1)], [round(1, 1, 1, false)]).allPassed).toBe(false)
  })
})
