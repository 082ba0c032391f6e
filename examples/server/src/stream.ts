// One GET /stocks response: either a fault answer, or the event stream (retry, replay or
// reset, then the live feed), with the per-request faults applied along the way.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Headers } from './cors'
import type { FeedSubscriber, QuoteFeed } from './feed'
import { MALFORMED_FRAME } from './faults'
import type { Faults } from './faults'
import { describeResumePoint } from './last-event-id'
import type { ResumePoint } from './last-event-id'
import type { ReplayResult } from './replay-buffer'
import { formatEvent, formatRetry } from './sse-format'

export interface StreamContext {
  readonly feed: QuoteFeed
  readonly connectionId: number
  readonly resume: ResumePoint
  readonly faults: Faults
  readonly cors: Headers
  readonly retryMs: number
  /** A client this far behind is cut off; it can reconnect and catch up from the buffer. */
  readonly maxBufferedBytes: number
  readonly log: (line: string) => void
  /** Registers the shutdown hook; returns the function that unregisters it. */
  readonly track: (end: () => void) => () => void
}

export type CloseReason = 'client' | 'dropAfter' | 'dropMidEvent' | 'slow-client' | 'shutdown'

export const STREAM_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  // Stops nginx (and proxies that honour it) from holding events back in a buffer.
  'X-Accel-Buffering': 'no',
}

export function serveStream(req: IncomingMessage, res: ServerResponse, ctx: StreamContext): void {
  const { faults, cors } = ctx
  const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`
  const label = `#${ctx.connectionId} ${remote}`
  const faultList = Object.entries(faults).map(([key, value]) => `${key}=${String(value)}`)
  const faultText = faultList.length > 0 ? ` faults: ${faultList.join(' ')}` : ''
  ctx.log(`open ${label} resume ${describeResumePoint(ctx.resume)}${faultText}`)

  if (faults.status !== undefined) {
    const retryAfter =
      faults.retryAfter === undefined ? {} : { 'Retry-After': `${faults.retryAfter}` }
    if (faults.status === 204) res.writeHead(204, { ...cors })
    else res.writeHead(faults.status, { ...cors, ...retryAfter, 'Content-Type': 'text/plain' })
    res.end(faults.status === 204 ? undefined : `fault injected: status ${faults.status}\n`)
    ctx.log(`close ${label} fault status ${faults.status}`)
    return
  }
  if (faults.contentType !== undefined) {
    res.writeHead(200, { ...cors, 'Content-Type': faults.contentType })
    // Looks like SSE on purpose: a client that ignores the content type will show an event.
    res.end('data: this response is not text/event-stream\n\n')
    ctx.log(`close ${label} fault contentType ${faults.contentType}`)
    return
  }

  res.writeHead(200, { ...STREAM_HEADERS, ...cors })
  // Send the headers now rather than with the first event: with a slow feed (or a stall)
  // the client would otherwise not know for seconds whether the stream is open.
  res.flushHeaders()

  let sent = 0
  let closeReason: CloseReason = 'client'
  let stallTimer: ReturnType<typeof setTimeout> | undefined

  const finish = (reason: CloseReason, how: 'end' | 'destroy'): void => {
    if (res.writableEnded || res.destroyed) return
    closeReason = reason
    ctx.feed.unsubscribe(subscriber)
    if (how === 'end') res.end()
    else res.destroy()
  }
  const write = (chunk: string): void => {
    if (res.writableEnded || res.destroyed) return
    res.write(chunk)
    if (res.writableLength > ctx.maxBufferedBytes) finish('slow-client', 'destroy')
  }
  // Counted faults fire after the sent-th quote; called once with 0 before any quote.
  const afterQuote = (): void => {
    if (faults.malformedAfter === sent) write(MALFORMED_FRAME)
    if (faults.dropAfter === sent) finish('dropAfter', 'end')
  }
  const subscriber: FeedSubscriber = {
    event(event) {
      if (faults.dropMidEvent === sent) {
        ctx.feed.unsubscribe(subscriber)
        closeReason = 'dropMidEvent'
        // Destroy only once the half frame has reached the socket, or it may never leave.
        res.write(event.frame.slice(0, Math.floor(event.frame.length / 2)), () => res.destroy())
        return
      }
      write(event.frame)
      sent++
      afterQuote()
    },
    heartbeat: write,
  }

  const begin = (): void => {
    stallTimer = undefined
    write(formatRetry(faults.retry ?? ctx.retryMs))
    afterQuote()
    if (res.writableEnded || res.destroyed) return
    const resume = ctx.resume
    if (resume.kind === 'invalid') {
      ctx.feed.subscribe(subscriber)
      write(resetFrame({ kind: 'unknown', latestId: ctx.feed.buffer.latestId }, resume.raw))
      return
    }
    const replay = ctx.feed.subscribe(subscriber, resume.kind === 'id' ? resume.id : undefined)
    if (replay !== undefined && replay.kind !== 'replay' && resume.kind === 'id') {
      write(resetFrame(replay, resume.raw))
    }
  }

  const untrack = ctx.track(() => {
    if (stallTimer !== undefined) clearTimeout(stallTimer)
    finish('shutdown', 'end')
  })
  res.on('close', () => {
    untrack()
    if (stallTimer !== undefined) clearTimeout(stallTimer)
    ctx.feed.unsubscribe(subscriber)
    ctx.log(`close ${label} sent ${sent} events, reason ${closeReason}`)
  })

  if (faults.stall !== undefined && faults.stall > 0) stallTimer = setTimeout(begin, faults.stall)
  else begin()
}

/**
 * A signal instead of a silent gap. Its id is the newest quote's, so the client's
 * Last-Event-ID moves to "now" and a later reconnect does not reset again.
 */
function resetFrame(
  replay: Exclude<ReplayResult, { kind: 'replay' }>,
  lastEventId: string,
): string {
  const data =
    replay.kind === 'too-old'
      ? { reason: 'too-old', lastEventId, oldestId: replay.oldestId, latestId: replay.latestId }
      : { reason: 'unknown', lastEventId, latestId: replay.latestId }
  return formatEvent({ event: 'reset', data: JSON.stringify(data), id: String(replay.latestId) })
}
