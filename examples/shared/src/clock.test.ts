import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createClock } from './clock'

beforeEach(() => {
  vi.useFakeTimers({ now: 1000 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the page clock', () => {
  it('ticks every period while something listens, keeping its value between ticks', () => {
    const clock = createClock(250)
    const seen: number[] = []
    const stop = clock.subscribe(() => seen.push(clock.getSnapshot()))
    vi.advanceTimersByTime(100)
    expect(clock.getSnapshot()).toBe(1000)
    vi.advanceTimersByTime(650)
    expect(seen).toEqual([1250, 1500, 1750])
    stop()
  })

  it('runs no timer once the last listener leaves', () => {
    const clock = createClock(250)
    const stopA = clock.subscribe(() => {})
    const stopB = clock.subscribe(() => {})
    expect(vi.getTimerCount()).toBe(1)
    stopA()
    expect(vi.getTimerCount()).toBe(1)
    stopB()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('reads the time afresh when a listener arrives after a quiet spell', () => {
    const clock = createClock(250)
    clock.subscribe(() => {})()
    vi.advanceTimersByTime(60_000)
    const stop = clock.subscribe(() => {})
    expect(clock.getSnapshot()).toBe(61_000)
    stop()
  })
})
