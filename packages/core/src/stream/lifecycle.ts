import type { EventStreamOptions, PauseReason } from './types'

export interface LifecycleControls {
  /** Disconnects, keeping subscribers: status `paused`. */
  pause(reason: PauseReason): void
  /** Connects again after a pause (and makes an attempt now while waiting to reconnect). */
  resume(reason: PauseReason): void
  /** Drops the connection and resumes with the last event ID. */
  reconnect(): void
}

/**
 * The page lifecycle options (`pauseWhenHidden`, `pauseWhenOffline`, `reconnectOnResume`): listens
 * to the page while the stream has subscribers and tells the stream what to do. Inert outside
 * browsers (no `document`), so Node, workers and server rendering are unaffected. Returns the
 * function that stops listening.
 */
export function watchPage(
  options: Pick<
    EventStreamOptions<object>,
    'pauseWhenHidden' | 'pauseWhenOffline' | 'reconnectOnResume'
  >,
  controls: LifecycleControls,
): () => void {
  if (typeof document === 'undefined') return () => {}
  const stops: (() => void)[] = []
  const on = (target: EventTarget, type: string, listener: (event: Event) => void) => {
    target.addEventListener(type, listener)
    stops.push(() => target.removeEventListener(type, listener))
  }

  const { pauseWhenHidden, pauseWhenOffline, reconnectOnResume } = options
  if (pauseWhenHidden) {
    const grace = pauseWhenHidden === true ? 10_000 : pauseWhenHidden
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = () => {
      clearTimeout(timer)
      if (document.visibilityState === 'hidden')
        timer = setTimeout(() => controls.pause('hidden'), grace)
      else controls.resume('hidden')
    }
    on(document, 'visibilitychange', check)
    stops.push(() => clearTimeout(timer))
    if (document.visibilityState === 'hidden') check()
  }
  if (pauseWhenOffline) {
    on(globalThis, 'online', () => controls.resume('offline'))
  }
  if (reconnectOnResume) {
    // Chromium also freezes a page it puts in the back/forward cache, and fires `resume` before
    // `pageshow` when it restores it: that `resume` is left to `pageshow`, for one reconnection.
    let cached = false
    on(globalThis, 'pagehide', (event) => {
      cached = (event as PageTransitionEvent).persisted
    })
    on(globalThis, 'pageshow', (event) => {
      cached = false
      if ((event as PageTransitionEvent).persisted) controls.reconnect()
    })
    // Page Lifecycle API: a frozen page's connections may have died while it was frozen.
    on(document, 'resume', () => cached || controls.reconnect())
  }
  return () => {
    for (const stop of stops.splice(0)) stop()
  }
}

/** Whether the browser says it is offline (never true outside browsers). */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false
}
