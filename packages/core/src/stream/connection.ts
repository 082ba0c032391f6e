import type { Subscription } from 'rxjs'
import type { ConnectionError, HttpError, StreamError } from '../errors'
import { isStreamError, networkError, requestError, timeoutError } from '../errors'
import type { ServerSentEvent } from '../parse'
import { decide, FRESH } from '../retry'
import type { AttemptHistory, AttemptOutcome, ReconnectRules } from '../retry'
import type { Transport, TransportMessage, TransportRequest } from '../transport'
import { idleWatchdog } from './idle-watchdog'
import type { IdleWatchdog } from './idle-watchdog'
import { isOffline } from './lifecycle'
import type { StateOwner } from './state'
import type { CloseReason, UnauthorizedHandler } from './types'

export interface ConnectionConfig extends ReconnectRules {
  readonly transport: () => Transport
  readonly request: (lastEventId: string) => Promise<TransportRequest>
  readonly onUnauthorized: UnauthorizedHandler | undefined
  readonly idleTimeout: number | undefined
  /** Make no attempt while the browser is offline (`pauseWhenOffline`): pause instead. */
  readonly holdWhileOffline: boolean | undefined
  readonly state: StateOwner
  /** Hands events to the subscribers, in order, while `live()` says the attempt still is. */
  readonly deliver: (events: readonly ServerSentEvent[], live: () => boolean) => void
  /** Closes the stream for good (the stream calls `stop` first). */
  readonly finish: (reason: CloseReason, error?: StreamError) => void
}

/** A running connection: what the stream can ask of it. */
export interface Connection {
  /** Aborts the attempt or the wait; nothing runs afterwards. */
  stop(): void
  /** Makes an attempt now: the first one, or skipping a wait, or dropping the current attempt. */
  retryNow(): void
}

/**
 * One run of a stream, started by `retryNow()`: connects, reconnects as `decide` says, and stops when told or when the
 * decision is to close. It reports everything to the state owner and never writes state itself.
 * Every timer and attempt is cleared by `stop()`, so unsubscribing in any state (connecting, open,
 * waiting to reconnect) aborts the request and clears the timer.
 */
export function connection(config: ConnectionConfig): Connection {
  const { state, policy } = config
  let history: AttemptHistory = FRESH
  let stopped = false
  // The attempt under way (its transport subscription), the timer of the wait or the watchdog,
  // and a token that superseded callbacks compare against.
  let attempt: Subscription | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let watchdog: IdleWatchdog | undefined
  let current: object | undefined
  // When native EventSource last reconnected by itself, to stop it from doing so in a loop.
  let nativeAt = -Infinity

  const clear = () => {
    current = undefined
    attempt?.unsubscribe()
    attempt = undefined
    clearTimeout(timer)
    watchdog?.stop()
  }

  const close = (reason: CloseReason, error?: StreamError) => {
    clear()
    stopped = true
    config.finish(reason, error)
  }

  // Status and error listeners are user code: any of them may close the stream. Every call out is
  // therefore followed by a `stopped` check before anything is started.
  const start = () => {
    clear()
    state.connecting(history.failures)
    if (stopped) return
    const token = {}
    current = token
    let healthy = false
    let resumable = true
    let noContent = false
    let openedAt: number | undefined

    const live = () => current === token
    const outcome = (error: ConnectionError | undefined): AttemptOutcome => ({
      error,
      resumable,
      healthy:
        healthy ||
        (openedAt !== undefined && policy !== null && Date.now() - openedAt >= policy.healthyAfter),
    })

    const ended = (error: ConnectionError | undefined) => {
      if (!live()) return
      clear()
      if (error) state.reported(error)
      if (!stopped) next(outcome(error))
    }

    const onMessage = (message: TransportMessage) => {
      watchdog?.touch()
      switch (message.type) {
        case 'events': {
          const { events } = message
          if (events.length === 0) return
          healthy = true
          resumable = (events[events.length - 1] as ServerSentEvent).id !== undefined
          return config.deliver(events, live)
        }
        case 'event':
          healthy = true
          resumable = message.event.id !== undefined
          return config.deliver([message.event], live)
        case 'open':
          openedAt = Date.now()
          return state.open()
        case 'last-event-id':
          resumable = true
          return state.movedTo(message.lastEventId)
        case 'retry':
          history = { ...history, serverRetry: message.delay }
          return
        case 'no-content':
          noContent = true
          return
        case 'reconnecting':
          return native(message.error, outcome(message.error), () => {
            healthy = false
            openedAt = undefined
          })
      }
    }

    const timeout = config.idleTimeout
    if (timeout) watchdog = idleWatchdog(timeout, () => ended(timeoutError(timeout)))

    config.request(state.lastEventId).then(
      (request) => {
        if (!live()) return
        attempt = config
          .transport()
          .connect(request)
          .subscribe({
            next: (message) => live() && onMessage(message),
            error: (error: unknown) => ended(toConnectionError(error)),
            complete: () => (noContent && live() ? close('no-content') : ended(undefined)),
          })
      },
      (cause: unknown) => ended(requestError(cause)),
    )
  }

  /** Acts on the decision about an attempt that ended. */
  const next = (outcome: AttemptOutcome) => {
    const [decision, kept] = decide(outcome, history, config)
    history = kept
    switch (decision.action) {
      case 'close':
        if (decision.error && decision.error !== outcome.error) state.reported(decision.error)
        if (!stopped) close(decision.reason, decision.error)
        return
      case 'refresh':
        return refresh(outcome.error as HttpError, decision.attempt)
      case 'wait':
        // Offline, a wait would only end in another failure: wait for the browser's `online`.
        if (config.holdWhileOffline && isOffline()) return state.paused('offline')
        state.reconnecting(decision.attempt, decision.delay, outcome.error)
        if (!stopped) timer = setTimeout(start, decision.delay)
    }
  }

  /**
   * Native EventSource reconnects by itself, sending `Last-Event-ID` as a header, which a new
   * `EventSource` cannot. It may do so after a healthy connection, at most once per `minDelay`: a
   * server that makes it reconnect in a loop (`retry: 0`, accept and close) gets the policy's
   * backoff instead, the attempt being ended here and made again by the stream.
   */
  const native = (error: ConnectionError, outcome: AttemptOutcome, restarted: () => void) => {
    state.reported(error)
    if (stopped) return
    const now = Date.now()
    const tooSoon = now - nativeAt < (policy?.minDelay ?? 0)
    nativeAt = now
    const [decision, kept] = decide(outcome, history, config)
    if (outcome.healthy && !tooSoon && decision.action === 'wait') {
      history = kept
      restarted()
      return state.reconnecting(decision.attempt, undefined, error)
    }
    clear()
    next(outcome)
  }

  const refresh = (error: HttpError, attemptNumber: number) => {
    state.reconnecting(attemptNumber, 0, error)
    if (stopped || !config.onUnauthorized) return
    const token = {}
    current = token
    Promise.resolve()
      .then(() => config.onUnauthorized?.(error))
      .then(
        (proceed) => {
          if (current !== token) return
          if (proceed === false) close('error', error)
          else start()
        },
        (cause: unknown) => {
          if (current !== token) return
          const failure = requestError(cause)
          state.reported(failure)
          if (!stopped) close('error', failure)
        },
      )
  }

  return {
    stop() {
      stopped = true
      clear()
    },
    retryNow() {
      if (!stopped) start()
    },
  }
}

function toConnectionError(error: unknown): ConnectionError {
  if (isStreamError(error) && !['decode', 'validation', 'gave-up'].includes(error.kind))
    return error as ConnectionError
  return networkError(error)
}
