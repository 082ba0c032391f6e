import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { idleWatchdog } from './idle-watchdog'

describe('idleWatchdog', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('fires once the timeout passes with nothing arriving', () => {
    const expired = vi.fn()
    idleWatchdog(1000, expired)
    vi.advanceTimersByTime(999)
    expect(expired).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(expired).toHaveBeenCalledTimes(1)
  })

  it('counts the silence from the last arrival', () => {
    const expired = vi.fn()
    const watchdog = idleWatchdog(1000, expired)
    vi.advanceTimersByTime(700)
    watchdog.touch()
    vi.advanceTimersByTime(999)
    expect(expired).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(expired).toHaveBeenCalledTimes(1)
  })

  it('never fires once stopped', () => {
    const expired = vi.fn()
    const watchdog = idleWatchdog(1000, expired)
    vi.advanceTimersByTime(500)
    watchdog.touch()
    vi.advanceTimersByTime(600)
    watchdog.stop()
    vi.advanceTimersByTime(10_000)
    expect(expired).not.toHaveBeenCalled()
  })
})
