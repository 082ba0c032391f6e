// One GET /stocks response: either a fault answer, or the event stream (retry, replay or
// reset, then the live feed), with the per-request faults applied along the way and a handle
// through which the control endpoint acts on it while it is open.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Headers } from './cors'
import { MALFORMED_FRAME } from './faults'
import type { Faults } from './faults'
import { describeResumePoint } from './last-event-id'
import type { ResumePoint } from './last-event-id'
import type { EventLog, LogSubscriber, ResetInfo } from './log/types'
import { formatEvent, formatRetry } from './sse-format'

/** What the control endpoint can do to an open stream. */
export interface StreamHandle {
  /** Cuts the connection inside the next event: half of its frame, then the socket goes. */
  cutInsideNextEvent(): void
  /** Sends nothing at all, heartbeats included, for `ms`; then catches up from the log. */
  stall(ms: number): void
  /** Destroys the socket now, as a crash or a dropped link would. */
  cut(): void
  /** Ends the response cleanly (graceful shutdown). */
  end(): void
}

export interface StreamContext {
  readonly log: EventLog
  readonly connectionId: number
  readonly resume: ResumePoint
  readonly faults: Faults
  readonly cors: Headers
  readonly retryMs: number
  /** A client this far behind is cut off; it can reconnect and catch up from the buffer. */
  readonly maxBufferedBytes: number
  readonly logLine: (line: string) => void
  /** Registers the stream's handle; returns the function that unregisters it. */
  readonly register: (handle: StreamHandle) => () => void
}

type CloseReason =
  | 'client'
  | 'dropAfter'
  | 'dropMidEvent'
  | 'slow-client'
  | 'shutdown'
  | 'control-drop'
  | 'control-cut'
  | 'backend'

const STREAM_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  // Stops nginx (and proxies that honour it) from holding events back in a buffer.
  'X-Accel-Buffering': 'no',
}

export function serveStream(req: IncomingMessage, res: ServerResponse, ctx: StreamContext): void {
  const { faults, cors, log } = ctx
  const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`
  const label = `#${ctx.connectionId} ${remote}`
  const faultList = Object.entries(faults).map(([key, value]) => `${key}=${String(value)}`)
  const faultText = faultList.length > 0 ? ` faults: ${faultList.join(' ')}` : ''
  ctx.logLine(`open ${label} resume ${describeResumePoint(ctx.resume)}${faultText}`)

  if (faults.status !== undefined) {
    const retryAfter =
      faults.retryAfter === undefined ? {} : { 'Retry-After': `${faults.retryAfter}` }
    if (faults.status === 204) res.writeHead(204, { ...cors })
    else res.writeHead(faults.status, { ...cors, ...retryAfter, 'Content-Type': 'text/plain' })
    res.end(faults.status === 204 ? undefined : `fault injected: status ${faults.status}\n`)
    ctx.logLine(`close ${label} fault status ${faults.status}`)
    return
  }
  if (faults.contentType !== undefined) {
    res.writeHead(200, { ...cors, 'Content-Type': faults.contentType })
    // Looks like SSE on purpose: a client that ignores the content type will show an event.
    res.end('data: this response is not text/event-stream\n\n')
    ctx.logLine(`close ${label} fault contentType ${faults.contentType}`)
    return
  }

  res.writeHead(200, { ...STREAM_HEADERS, ...cors })
  // Send the headers now rather than with the first event: with a slow feed (or a stall)
  // the client would otherwise not know for seconds whether the stream is open.
  res.flushHeaders()

  let sent = 0
  let closeReason: CloseReason = 'client'
  let stallTimer: ReturnType<typeof setTimeout> | undefined
  let cutArmed = false
  // Where this client is in the feed: the id of the last event (or reset) it was sent. A stall
  // leaves the log and rejoins from here, so it misses nothing.
  let position: string | undefined
  const open = () => !res.writableEnded && !res.destroyed

  const finish = (reason: CloseReason, how: 'end' | 'destroy'): void => {
    if (!open()) return
    closeReason = reason
    log.leave(subscriber)
    if (how === 'end') res.end()
    else res.destroy()
  }
  const write = (chunk: string): void => {
    if (!open()) return
    res.write(chunk)
    if (res.writableLength > ctx.maxBufferedBytes) finish('slow-client', 'destroy')
  }
  // Counted faults fire after the sent-th quote; called once with 0 before any quote.
  const afterQuote = (): void => {
    if (faults.malformedAfter === sent) write(MALFORMED_FRAME)
    if (faults.dropAfter === sent) finish('dropAfter', 'end')
  }
  let joinedFrom = ''
  const subscriber: LogSubscriber = {
    event(event) {
      if (faults.dropMidEvent === sent || cutArmed) {
        log.leave(subscriber)
        closeReason = cutArmed ? 'control-drop' : 'dropMidEvent'
        // Destroy only once the half frame has reached the socket, or it may never leave.
        res.write(event.frame.slice(0, Math.floor(event.frame.length / 2)), () => res.destroy())
        return
      }
      position = event.id
      write(event.frame)
      sent++
      afterQuote()
    },
    heartbeat: write,
    reset(info) {
      position = info.id
      write(resetFrame(info, joinedFrom))
    },
  }

  const join = (resume: ResumePoint): void => {
    joinedFrom = resume.kind === 'id' ? resume.raw : ''
    if (resume.kind === 'none') position ??= log.latestId
    const joined = log.join(subscriber, resume)
    if (joined === undefined) return
    // Nothing was sent for this join; the client reconnects with the same id and loses nothing.
    joined.catch((error: unknown) => {
      ctx.logLine(`join ${label} failed: ${error instanceof Error ? error.message : error}`)
      finish('backend', 'end')
    })
  }

  const begin = (): void => {
    stallTimer = undefined
    write(formatRetry(faults.retry ?? ctx.retryMs))
    afterQuote()
    if (open()) join(ctx.resume)
  }

  const unregister = ctx.register({
    cutInsideNextEvent() {
      cutArmed = true
    },
    stall(ms) {
      if (!open() || stallTimer !== undefined) return
      log.leave(subscriber)
      stallTimer = setTimeout(() => {
        stallTimer = undefined
        if (open()) join(position === undefined ? ctx.resume : { kind: 'id', raw: position })
      }, ms)
    },
    cut() {
      clearTimeout(stallTimer)
      finish('control-cut', 'destroy')
    },
    end() {
      clearTimeout(stallTimer)
      finish('shutdown', 'end')
    },
  })
  res.on('close', () => {
    unregister()
    clearTimeout(stallTimer)
    log.leave(subscriber)
    ctx.logLine(`close ${label} sent ${sent} events, reason ${closeReason}`)
  })

  if (faults.stall !== undefined && faults.stall > 0) stallTimer = setTimeout(begin, faults.stall)
  else begin()
}

/**
 * A signal instead of a silent gap. Its id is the newest event's, so the client's
 * Last-Event-ID moves to "now" and a later reconnect does not reset again.
 */
function resetFrame(info: ResetInfo, lastEventId: string): string {
  const data =
    info.oldestId === undefined
      ? { reason: info.reason, lastEventId, latestId: info.latestId }
      : { reason: info.reason, lastEventId, oldestId: info.oldestId, latestId: info.latestId }
  return formatEvent({ event: 'reset', data: JSON.stringify(data), id: info.id })
}
