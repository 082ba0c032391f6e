import type { StreamError } from '../../errors'
import type { Connection, ConnectionConfig } from '../connection'
import type { CloseReason, StreamStatus } from '../types'
import type { Election } from './election'
import { feedLog, LOG_SIZE, sameItem } from './feed-log'
import { leadership } from './leadership'
import type { Leadership } from './leadership'
import { post, randomId } from './messages'
import type {
  ChannelConstructor,
  ChannelLike,
  Entry,
  FeedItem,
  Position,
  TabsMessage,
} from './messages'

export interface TabsSetup {
  readonly Channel: ChannelConstructor
  readonly elect: Election
  /** The channel's name; the lock's too. */
  readonly key: string
}

/** A follower's items come one at a time from the channel: nothing can end one midway. */
const always = () => true

/**
 * `share: acrossTabs()`: one stream's connection, held by one of the tabs that subscribe to it. Returns
 * what `connection()` returns, so the stream cannot tell. The elected tab runs the real
 * connection and sends every raw event, status and error to the others, which deliver the
 * events through their own decoding, validation and de-duplication and take the status through
 * their state owner. A tab that is not leading follows:
 *
 * - it asks the leader (`sync`) for what it missed, naming the last item it delivered, and holds
 *   what arrives until the answer, which hands it the missing items or says the position is
 *   unknown; it asks again whenever another tab takes over;
 * - when it is elected in turn, it connects with the last event ID it has, so the server replays
 *   what the old leader did not pass on; a follower that had already delivered some of that replay
 *   (it heard the old leader longer than the new one did) drops it, item by item;
 * - `retryNow()` asks the leader to reconnect, only if the leader is still in the status it saw,
 *   so the `online` event that every tab hears makes one attempt, not one per tab.
 *
 * A tab leaves (and resigns) when its stream stops (no subscribers, a pause, `close()`) and while
 * its page is frozen or hidden in the back/forward cache, and comes back on `resume`/`pageshow`.
 */
export function tabsConnection(config: ConnectionConfig, setup: TabsSetup): Connection {
  const { state } = config
  const tab = randomId()
  const log = feedLog()
  let channel: ChannelLike | undefined
  let resign: (() => void) | undefined
  let leading: Leadership | undefined
  // Following: the leadership synced with, the count of its statuses seen, what arrived while
  // waiting for its answer, and what it is expected to send again.
  let epoch: string | undefined
  // The newest leadership announced, synced with or not: its `finish` closes this tab too.
  let announced: string | undefined
  let seen = -1
  let held: Entry[] | undefined
  // The number of this tab's newest question: an answer to an older one (from a tab that led
  // before) comes from a leadership this tab no longer follows.
  let asked = 0
  let replay: FeedItem[] = []
  let at: Position | undefined
  let started = false
  let away = false
  let stopped = false

  const send = (message: TabsMessage) => channel && post(channel, message)

  /** Delivers an item of the shared feed, here, and remembers it for the tabs that catch up. */
  const take = (entry: Entry) => {
    at = { epoch: entry.epoch, seq: entry.seq }
    log.add(entry)
    const { item } = entry
    if ('event' in item) config.deliver([item.event], always)
    else state.movedTo(item.moved)
  }

  const follow = (entry: Entry) => {
    const again = replay[0]
    if (again !== undefined) {
      if (sameItem(again, entry.item)) {
        replay.shift()
        at = { epoch: entry.epoch, seq: entry.seq }
        return log.add(entry)
      }
      replay = []
    }
    take(entry)
  }

  /** Closes this tab's stream for a reason all tabs share, and tells them if it leads. */
  const finish = (reason: CloseReason, error?: StreamError) => {
    if (leading) send({ t: 'finish', epoch: leading.epoch, reason, error })
    config.finish(reason, error)
  }

  // A tab that joins says `connecting` until it hears from the leader, which is often connecting
  // too: the same status twice would only wake every store for nothing.
  const adopt = (status: StreamStatus) => {
    const current = state.status as Record<string, unknown>
    const keys = Object.keys(status) as (keyof StreamStatus)[]
    if (
      keys.length !== Object.keys(current).length ||
      keys.some((key) => current[key] !== status[key])
    )
      state.adopt(status)
  }

  const sync = () => {
    epoch = undefined
    held = []
    send({ t: 'sync', tab, ask: ++asked, at, lastEventId: state.lastEventId })
  }

  const synced = (answer: Extract<TabsMessage, { t: 'synced' }>) => {
    const waiting = held ?? []
    held = undefined
    epoch = answer.epoch
    seen = answer.n
    adopt(answer.status)
    if (answer.entries !== null) {
      // The answer has everything the leader sent before it: what was held is in it.
      replay = []
      for (const entry of answer.entries) if (!stopped) take(entry)
      return
    }
    // The leader does not know this tab's position; if this tab knows the leader's starting point,
    // what it delivered after that point is what the leader's server is replaying.
    const { at: start, lastEventId: startId } = answer.from
    const again = (start && log.after(start)) ?? (startId !== '' ? log.afterId(startId) : undefined)
    replay = again?.map((entry) => entry.item) ?? []
    // Otherwise the tab is new here (or too far behind): it takes the feed from where the leader
    // is, and resumes from there if it leads one day, so the server does not replay to the others
    // what they have.
    if (replay.length === 0 && answer.lastEventId !== state.lastEventId)
      state.movedTo(answer.lastEventId)
    for (const entry of waiting) if (!stopped && entry.epoch === answer.epoch) follow(entry)
  }

  const lead = () => {
    if (stopped || leading) return
    held = undefined
    replay = []
    const from = { at: log.last, lastEventId: state.lastEventId }
    leading = leadership(config, { from, log, send, take, finish })
    // Assigned first: a status listener may close the stream as the connection starts.
    leading.start()
  }

  const abdicate = () => {
    leading?.stop()
    leading = undefined
  }

  const hear = ({ data: message }: MessageEvent<TabsMessage>) => {
    // A late word from the leadership this tab followed: its stream closed for every tab.
    if (message.t === 'finish') {
      if ([epoch, announced, leading?.epoch].includes(message.epoch))
        finish(message.reason, message.error)
      return
    }
    if (leading) return leading.hear(message)
    switch (message.t) {
      case 'leader':
        announced = message.epoch
        if (message.epoch !== epoch) sync()
        return
      case 'item':
        if (message.epoch === epoch) follow(message)
        else if (held) {
          held.push(message)
          if (held.length > LOG_SIZE) held.shift()
        }
        return
      case 'status':
        if (message.epoch === epoch) {
          seen = message.n
          adopt(message.status)
        }
        return
      case 'error':
        if (message.epoch === epoch) state.reported(message.error)
        return
      case 'synced':
        if (message.tab === tab && message.ask === asked && held) synced(message)
    }
  }

  const join = () => {
    away = false
    channel = new setup.Channel(setup.key)
    channel.onmessage = hear
    state.connecting(0)
    // A status listener may have closed the stream.
    if (stopped) return
    sync()
    resign = setup.elect({
      elected: lead,
      deposed: () => {
        abdicate()
        sync()
      },
    })
  }

  const leave = () => {
    abdicate()
    resign?.()
    resign = undefined
    channel?.close()
    channel = undefined
    held = undefined
    epoch = undefined
    announced = undefined
  }

  // A frozen page or one in the back/forward cache cannot pass events on: it lets another lead.
  const hide = () => {
    if (!started || away || stopped) return
    away = true
    leave()
  }
  const show = () => {
    if (away && !stopped) join()
  }
  const page = [
    [document, 'freeze', hide],
    [document, 'resume', show],
    [globalThis, 'pagehide', hide],
    [globalThis, 'pageshow', show],
  ] as const
  for (const [target, type, listener] of page) target.addEventListener(type, listener)

  return {
    stop() {
      stopped = true
      leave()
      for (const [target, type, listener] of page) target.removeEventListener(type, listener)
    },
    retryNow() {
      if (stopped) return
      if (!started) {
        started = true
        return join()
      }
      if (away) return show()
      if (leading) return leading.retryNow()
      if (epoch !== undefined) send({ t: 'retry', epoch, n: seen })
    },
  }
}
