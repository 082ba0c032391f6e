import type { Lifecycle, LifecycleControls } from './types'

export interface PageLifecycleOptions {
  /**
   * Disconnect when the page has been hidden this many ms (`true`: 10 000), and resume with the
   * last event ID when it is shown again. Status: `paused`, reason `hidden`.
   */
  readonly pauseWhenHidden?: boolean | number
  /**
   * Make no attempt while `navigator.onLine` is false (status `paused`, reason `offline`), and
   * one at once when the browser comes back online.
   */
  readonly pauseWhenOffline?: boolean
  /**
   * After the page comes back from the back/forward cache (`pageshow` with `persisted`) or from
   * being frozen (`resume`), drop the connection, which may be dead without knowing it, and resume
   * with the last event ID.
   */
  readonly reconnectOnResume?: boolean
}

/**
 * The browser page's lifecycle, for the `lifecycle` option: `lifecycle: pageLifecycle({
 * pauseWhenHidden: true })`. A separate import, so apps that do not name it do not ship it.
 * Inert outside browsers (no `document`), so Node, workers and server rendering are unaffected.
 */
export function pageLifecycle(options: PageLifecycleOptions = {}): Lifecycle {
  return {
    pauseWhenOffline: options.pauseWhenOffline,
    watch: (controls) => watchPage(options, controls),
  }
}

function watchPage(options: PageLifecycleOptions, controls: LifecycleControls): () => void {
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
