import type { LastEventIdStorage, Persisted, Persistence, StreamUrl } from './types'

type StorageLike = Exclude<LastEventIdStorage, string>

/** The storage `option` names, or `undefined` where there is none (server rendering, a sandbox). */
function storageFor(option: LastEventIdStorage): StorageLike | undefined {
  if (typeof option === 'object') return option
  try {
    return option === 'session' ? globalThis.sessionStorage : globalThis.localStorage
  } catch {
    // Reading the property throws in sandboxed frames and with storage disabled.
    return undefined
  }
}

/**
 * Keeps a stream's last event ID in storage across page loads, for the `persist` option:
 * `persist: inStorage('session')`. The key defaults to `rivulet:` + the URL (`key` is required
 * for a URL function). Writes are batched: at most one every 250 ms while the stream runs, plus
 * one when the stream closes or goes idle and when the page is hidden or unloaded, so nothing is
 * done per event.
 */
export function inStorage(
  where: LastEventIdStorage,
  options: { readonly key?: string } = {},
): Persistence {
  return (url, read) => keep(where, options.key, url, read)
}

function keep(
  where: LastEventIdStorage,
  key: string | undefined,
  url: StreamUrl,
  read: () => string,
): Persisted {
  const name = key ?? (typeof url === 'function' ? undefined : 'rivulet:' + String(url))
  if (name === undefined) throw new TypeError('inStorage() needs a key when the URL is a function')
  const storage = storageFor(where)
  let written: string | null | undefined
  try {
    written = storage?.getItem(name)
  } catch {
    written = undefined
  }
  let timer: ReturnType<typeof setInterval> | undefined

  const flush = () => {
    const id = read()
    if (id === written) return
    try {
      storage?.setItem(name, id)
      written = id
    } catch {
      // Quota exceeded or storage gone: the stream works on, it only cannot resume after a reload.
    }
  }
  const onHide = () => {
    if (document.visibilityState === 'hidden') flush()
  }
  const pageEvents = typeof document !== 'undefined'

  return {
    stored: written ?? undefined,
    start() {
      if (timer !== undefined) return
      timer = setInterval(flush, 250)
      if (pageEvents) {
        addEventListener('pagehide', flush)
        document.addEventListener('visibilitychange', onHide)
      }
    },
    stop() {
      flush()
      clearInterval(timer)
      timer = undefined
      if (pageEvents) {
        removeEventListener('pagehide', flush)
        document.removeEventListener('visibilitychange', onHide)
      }
    },
  }
}
