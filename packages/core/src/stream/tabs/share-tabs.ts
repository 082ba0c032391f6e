import { connection } from '../connection'
import type { Connection, ConnectionConfig } from '../connection'
import type { Sharing, StreamUrl } from '../types'
import { channelElection, lockElection } from './election'
import type { LocksLike } from './election'
import type { ChannelConstructor } from './messages'
import { tabsConnection } from './coordinator'

/**
 * Shares one connection among every tab (and every stream) of this origin with the same key, for
 * the `share` option: `share: acrossTabs()`. A separate import (about 2.5 kB gzipped: `node
 * scripts/size.mjs`), so apps that do not share across tabs do not ship it. The key defaults to
 * `rivulet:` + the URL; `key` is required for a URL function, checked when the stream is created.
 */
export function acrossTabs(options: { readonly key?: string } = {}): Sharing {
  return { connector: (url) => shareAcrossTabs(url, options.key) }
}

/**
 * What starts a stream's connection with `share: acrossTabs()`: the tabs coordinator in a browser
 * (Web Locks elect the leader; BroadcastChannel does where `navigator.locks` is missing), and
 * the plain connection elsewhere (Node, workers, server rendering), where there are no tabs.
 */
function shareAcrossTabs(
  url: StreamUrl,
  shareKey: string | undefined,
): (config: ConnectionConfig) => Connection {
  const key = shareKey ?? (typeof url === 'function' ? undefined : 'rivulet:' + String(url))
  if (key === undefined) throw new TypeError('acrossTabs() needs a key when the URL is a function')
  if (typeof document === 'undefined' || typeof BroadcastChannel !== 'function') return connection
  const Channel = BroadcastChannel as ChannelConstructor
  const locks = (navigator as { locks?: LocksLike }).locks
  const elect = locks ? lockElection(locks, key) : channelElection(Channel, key)
  return (config) => tabsConnection(config, { Channel, elect, key })
}
