import { describe, expect, it } from 'vitest'
import { FIRST_DELAY_MS, HEALTHY_AFTER_MS, MAX_DELAY_MS, restartDelay } from './backoff.mjs'

describe('the restart backoff', () => {
  it('doubles the wait while the process keeps stopping soon after it starts', () => {
    const waits: number[] = []
    let wait: number | undefined
    for (let i = 0; i < 7; i++) waits.push((wait = restartDelay(wait, 200)))
    expect(waits).toEqual([1000, 2000, 4000, 8000, MAX_DELAY_MS, MAX_DELAY_MS, MAX_DELAY_MS])
  })

  it('starts over after a process that ran a while', () => {
    expect(restartDelay(8000, HEALTHY_AFTER_MS)).toBe(FIRST_DELAY_MS)
    expect(restartDelay(8000, HEALTHY_AFTER_MS - 1)).toBe(MAX_DELAY_MS)
  })
})
