import type { StreamError } from '../../errors'
import type { ServerSentEvent } from '../../parse'
import type { CloseReason, StreamStatus } from '../types'

/** What the shared feed carries: an event, or an id-only block that moved the last event ID. */
export type FeedItem = { readonly event: ServerSentEvent } | { readonly moved: string }

/**
 * Where an item stands in the shared feed: the leadership (`epoch`) that sent it and its number
 * within it. Ids alone cannot say it: a server may send none, or the same one twice.
 */
export interface Position {
  readonly epoch: string
  readonly seq: number
}

export interface Entry extends Position {
  readonly item: FeedItem
}

/** Where a tab stands: what a follower tells a leader to catch up, and a leader's start. */
export interface Whereabouts {
  /** The last item of the shared feed this tab delivered, if any. */
  readonly at: Position | undefined
  readonly lastEventId: string
}

/** Every message on a stream's channel. Each is sent by one tab to all the others. */
export type TabsMessage =
  /** I lead now, as `epoch`: follow me. */
  | { readonly t: 'leader'; readonly epoch: string }
  | ({ readonly t: 'item' } & Entry)
  /** The leader's status; `n` counts its statuses, so a follower's request can name the one it saw. */
  | {
      readonly t: 'status'
      readonly epoch: string
      readonly n: number
      readonly status: StreamStatus
    }
  | { readonly t: 'error'; readonly epoch: string; readonly error: StreamError }
  /** The leader's stream closed for a reason every tab shares (204, gave up, a fatal error). */
  | {
      readonly t: 'finish'
      readonly epoch: string
      readonly reason: CloseReason
      readonly error: StreamError | undefined
    }
  /** A follower (`tab`) asks the leader for what it missed; `ask` numbers its questions. */
  | ({ readonly t: 'sync'; readonly tab: string; readonly ask: number } & Whereabouts)
  /**
   * The leader's answer to `tab`: its status and last event ID, where it started leading (`from`)
   * and the entries after the follower's position (`null` when it does not know that position).
   */
  | {
      readonly t: 'synced'
      readonly tab: string
      readonly ask: number
      readonly epoch: string
      readonly n: number
      readonly status: StreamStatus
      readonly lastEventId: string
      readonly from: Whereabouts
      readonly entries: readonly Entry[] | null
    }
  /** A follower's `reconnect()`: acted on only if the leader is still at status `n`. */
  | { readonly t: 'retry'; readonly epoch: string; readonly n: number }

/** The part of `BroadcastChannel` used here (so tests can pass their own). */
export interface ChannelLike {
  onmessage: ((event: MessageEvent) => void) | null
  postMessage(message: unknown): void
  close(): void
}

export type ChannelConstructor = new (name: string) => ChannelLike

/**
 * Posts `message`, which structured cloning may refuse: an error's `cause` can be anything a
 * user's code threw. Then the cause goes as its text, so the other tabs still hear of the error.
 */
export function post(channel: ChannelLike, message: TabsMessage): void {
  try {
    channel.postMessage(message)
  } catch {
    channel.postMessage(JSON.parse(JSON.stringify(message, causesAsText)) as TabsMessage)
  }
}

function causesAsText(key: string, value: unknown): unknown {
  return key === 'cause' ? String(value) : value
}

/** An id for a tab or a leadership: unique enough among the tabs of one browser. */
export function randomId(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10)
}
