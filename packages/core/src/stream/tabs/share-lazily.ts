import { connection } from '../connection'
import type { Connection, ConnectionConfig } from '../connection'
import type { StreamUrl } from '../types'

type Tabs = typeof import('./share-tabs')

// One load for every stream; once it is done, streams start their coordinators at once, in the
// order they connect, as if the code had been there all along.
let loading: Promise<Tabs> | undefined
let tabs: Tabs | undefined

/** Loads the tabs coordinator (what the first stream with `share: 'tabs'` to connect does). */
export function loadTabs(): Promise<Tabs> {
  return (loading ??= import('./share-tabs').then((loaded) => (tabs = loaded)))
}

/**
 * `share: 'tabs'`, with the coordinator loaded when a stream first connects: it is about 2 kB
 * gzipped (`node scripts/size.mjs`), which apps that do not share across tabs should not ship.
 * Bundlers put a dynamic import in a chunk of its own. Where there are no tabs (Node, workers,
 * server rendering) nothing is loaded and each stream connects for itself; the key is checked at
 * once everywhere, as a wrong call should fail where it is made.
 */
export function shareLazily(
  url: StreamUrl,
  shareKey: string | undefined,
): (config: ConnectionConfig) => Connection {
  if (shareKey === undefined && typeof url === 'function')
    throw new TypeError("share: 'tabs' needs a shareKey when the URL is a function")
  if (typeof document === 'undefined' || typeof BroadcastChannel !== 'function') return connection
  let shared: ((config: ConnectionConfig) => Connection) | undefined
  return (config) => {
    let real: Connection | undefined
    let stopped = false
    const start = (loaded: Tabs) => {
      if (stopped || real) return
      real = (shared ??= loaded.shareAcrossTabs(url, shareKey))(config)
      real.retryNow()
    }
    return {
      retryNow() {
        if (real) real.retryNow()
        else if (tabs) start(tabs)
        else void loadTabs().then(start)
      },
      stop() {
        stopped = true
        real?.stop()
      },
    }
  }
}
