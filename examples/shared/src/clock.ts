// The page's clock, for the countdown to the next attempt and the rate: a store in the shape of
// core's (`subscribe`, `getSnapshot`) whose timer runs only while something listens.

export interface Clock {
  subscribe(onChange: () => void): () => void
  /** Milliseconds since the epoch, as of the last tick: the same value between ticks. */
  getSnapshot(): number
}

/** A countdown in whole seconds stays right to a quarter of a second at 250 ms. */
export const CLOCK_PERIOD_MS = 250

export function createClock(
  periodMs = CLOCK_PERIOD_MS,
  now: () => number = () => Date.now(),
): Clock {
  const listeners = new Set<() => void>()
  let current = now()
  let timer: ReturnType<typeof setInterval> | undefined
  return {
    subscribe(onChange) {
      listeners.add(onChange)
      if (timer === undefined) {
        current = now()
        timer = setInterval(() => {
          current = now()
          for (const listener of [...listeners]) listener()
        }, periodMs)
      }
      return () => {
        listeners.delete(onChange)
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer)
          timer = undefined
        }
      }
    },
    getSnapshot: () => current,
  }
}
