/** A timer that fires once nothing has arrived for `timeout` ms: the `idleTimeout` option. */
export interface IdleWatchdog {
  /** Something arrived: the silence starts again. */
  touch(): void
  stop(): void
}

/**
 * One timer, re-armed for what is left of the silence when it fires early, so an arrival costs a
 * clock read and nothing more.
 */
export function idleWatchdog(timeout: number, expired: () => void): IdleWatchdog {
  let lastActivity = Date.now()
  let timer: ReturnType<typeof setTimeout> | undefined
  const watch = (wait: number) => {
    timer = setTimeout(() => {
      const idle = Date.now() - lastActivity
      if (idle < timeout) watch(timeout - idle)
      else expired()
    }, wait)
  }
  watch(timeout)
  return {
    touch: () => void (lastActivity = Date.now()),
    stop: () => clearTimeout(timer),
  }
}
