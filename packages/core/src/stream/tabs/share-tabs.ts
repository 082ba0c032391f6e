import { connection } from '../connection'
import type { Connection, ConnectionConfig } from '../connection'
import type { StreamUrl } from '../types'
import { channelElection, lockElection } from './election'
import type { LocksLike } from './election'
import type { ChannelConstructor } from './messages'
import { tabsConnection } from './coordinator'

/**
 * What starts a stream's connection with `share: 'tabs'`: the tabs coordinator in a browser
 * (Web Locks elect the leader; BroadcastChannel does where `navigator.locks` is missing), and
 * the plain connection elsewhere (Node, workers, server rendering), where there are no tabs.
 */
export function shareAcrossTabs(
  url: StreamUrl,
  shareKey: string | undefined,
): (config: ConnectionConfig) => Connection {
  const key = shareKey ?? (typeof url === 'function' ? undefined : 'rivulet:' + String(url))
  if (key === undefined)
    throw new TypeError("share: 'tabs' needs a shareKey when the URL is a function")
  if (typeof document === 'undefined' || typeof BroadcastChannel !== 'function') return connection
  const Channel = BroadcastChannel as ChannelConstructor
  const locks = (navigator as { locks?: LocksLike }).locks
  const elect = locks ? lockElection(locks, key) : channelElection(Channel, key)
  return (config) => tabsConnection(config, { Channel, elect, key })
}
