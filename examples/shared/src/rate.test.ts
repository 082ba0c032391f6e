import { describe, expect, it } from 'vitest'
import { MAX_ARRIVALS, RATE_WINDOW_MS, ratePerSecond, withArrival } from './rate'

describe('the rate', () => {
  it('counts the arrivals of the last ten seconds, per second', () => {
    let arrivals: readonly number[] = []
    for (let at = 0; at < 20_000; at += 500) arrivals = withArrival(arrivals, at)
    expect(arrivals).toEqual(Array.from({ length: 20 }, (_, i) => 10_000 + i * 500))
    expect(ratePerSecond(arrivals, 19_500)).toBe(2)
  })

  it('falls as time passes without arrivals, to zero after the window', () => {
    const arrivals = [1000, 2000, 3000, 4000]
    expect(ratePerSecond(arrivals, 4000)).toBe(0.4)
    expect(ratePerSecond(arrivals, 12_500)).toBe(0.2)
    expect(ratePerSecond(arrivals, 4000 + RATE_WINDOW_MS)).toBe(0)
  })

  it('keeps at most MAX_ARRIVALS, however many arrive within the window', () => {
    let arrivals: readonly number[] = []
    for (let i = 0; i < MAX_ARRIVALS + 300; i++) arrivals = withArrival(arrivals, 5000)
    expect(arrivals).toHaveLength(MAX_ARRIVALS)
  })
})
