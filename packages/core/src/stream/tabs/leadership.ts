import { skip } from 'rxjs'
import type { StreamError } from '../../errors'
import type { ServerSentEvent } from '../../parse'
import { connection } from '../connection'
import type { ConnectionConfig } from '../connection'
import type { StateOwner } from '../state'
import type { CloseReason } from '../types'
import type { FeedLog } from './feed-log'
import { randomId } from './messages'
import type { Entry, FeedItem, TabsMessage, Whereabouts } from './messages'

export interface LeadershipContext {
  /** Where this tab stood in the shared feed when it was elected: its connection resumes there. */
  readonly from: Whereabouts
  /** What this tab delivered of the shared feed, to answer followers that catch up. */
  readonly log: FeedLog
  readonly send: (message: TabsMessage) => void
  /** Delivers an item here and logs it. */
  readonly take: (entry: Entry) => void
  readonly finish: (reason: CloseReason, error?: StreamError) => void
}

export interface Leadership {
  readonly epoch: string
  /** A message from a follower. */
  hear(message: TabsMessage): void
  /** Connects. */
  start(): void
  retryNow(): void
  stop(): void
}

/**
 * This tab's term as leader: it runs the stream's connection, resuming from the last event ID it
 * has, and passes on to the followers what the connection reports. The connection writes to the
 * state owner as always; the status and the connection's errors are read back from the owner and
 * sent on (decode and validation errors stay here: every tab checks events for itself).
 */
export function leadership(config: ConnectionConfig, context: LeadershipContext): Leadership {
  const { state } = config
  const { send, take } = context
  const epoch = randomId()
  let seq = 0
  let count = 0

  const share = (item: FeedItem) => {
    const entry: Entry = { epoch, seq: ++seq, item }
    send({ t: 'item', ...entry })
    take(entry)
  }
  // The leader's connection sees the state owner itself, but for two things: an id-only block
  // reaches the owner through `movedTo`, which no one can watch, so it is shared from there; and
  // the first `connecting` is one the tab already said when it joined.
  const owner: StateOwner = Object.create(state, {
    movedTo: { value: (id: string) => share({ moved: id }) },
    connecting: {
      value: (attempt: number) => {
        const now = state.status
        if (now.state !== 'connecting' || now.attempt !== attempt) state.connecting(attempt)
      },
    },
  }) as StateOwner

  /** What a follower standing at `where` lacks, if this tab can tell. */
  const missed = ({ at, lastEventId }: Whereabouts) => {
    const { log, from } = context
    const found =
      (at && log.after(at)) ?? (lastEventId !== '' ? log.afterId(lastEventId) : undefined)
    if (found) return found
    // It stands where this tab's connection resumed from: it lacks what this tab led.
    return lastEventId !== '' && lastEventId === from.lastEventId ? log.since(epoch) : undefined
  }

  send({ t: 'leader', epoch })
  const statuses = state.status$
    .pipe(skip(1))
    .subscribe((status) => send({ t: 'status', epoch, n: ++count, status }))
  const errors = state.errors$.subscribe((error) => {
    if (error.kind !== 'decode' && error.kind !== 'validation') send({ t: 'error', epoch, error })
  })
  const running = connection({
    ...config,
    state: owner,
    deliver: (events, live) => {
      for (let i = 0; i < events.length && live(); i++)
        share({ event: events[i] as ServerSentEvent })
    },
    finish: context.finish,
  })

  return {
    epoch,
    hear(message) {
      if (message.t === 'sync') {
        const entries = missed(message)
        send({
          t: 'synced',
          tab: message.tab,
          ask: message.ask,
          epoch,
          n: count,
          status: state.status,
          lastEventId: state.lastEventId,
          from: context.from,
          entries: entries ?? null,
        })
      } else if (message.t === 'retry' && message.epoch === epoch && message.n === count) {
        running.retryNow()
      }
    },
    start: () => running.retryNow(),
    retryNow: () => running.retryNow(),
    stop() {
      running.stop()
      statuses.unsubscribe()
      errors.unsubscribe()
    },
  }
}
