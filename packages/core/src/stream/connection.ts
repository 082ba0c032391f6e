import { defer, Observable, Subscription, switchMap, timer } from 'rxjs'
import type { ConnectionError, HttpError, StreamError } from '../errors'
import { gaveUpError, isStreamError, networkError, requestError } from '../errors'
import type { ServerSentEvent } from '../parse'
import { nextDelay, retryAfterDelay } from '../retry'
import type { RetryPolicy } from '../retry'
import type { Transport, TransportRequest } from '../transport'
import type { CloseReason, StreamStatus, UnauthorizedHandler } from './types'

/** What a `close` signal's reason carries: why, and the error if one closed the stream. */
export interface CloseRequest {
  readonly reason: CloseReason
  readonly error?: StreamError
}

export interface ConnectionConfig {
  readonly transport: () => Transport
  readonly request: (lastEventId: string) => Promise<TransportRequest>
  /** `null`: never reconnect. */
  readonly policy: RetryPolicy | null
  readonly live: boolean
  readonly idempotent: boolean
  readonly resendNonIdempotent: boolean
  readonly onUnauthorized: UnauthorizedHandler | undefined
  /** The user's signal: aborting closes with reason `aborted`. */
  readonly signal: AbortSignal | undefined
  /** Aborted by `close()` and by fatal decode errors, with a `CloseRequest` as its reason. */
  readonly close: AbortSignal
  readonly lastEventId: () => string
  readonly setLastEventId: (id: string) => void
  readonly setStatus: (status: StreamStatus) => void
  readonly reportError: (error: StreamError) => void
}

/**
 * One logical stream: connects, reconnects by the policy, and completes when the stream closes
 * for good. Status and errors go out through the config's callbacks; events are the values.
 * Every timer and attempt lives in a subscription, so unsubscribing in any state (connecting,
 * open, waiting to reconnect) aborts the request and clears the timer.
 */
export function connection(config: ConnectionConfig): Observable<ServerSentEvent> {
  return new Observable<ServerSentEvent>((subscriber) => {
    const { policy } = config
    let current = new Subscription()
    let failures = 0
    let serverRetry: number | undefined
    let authRetried = false
    let finished = false

    /** Makes `next` the one live step; a step begun after the stream closed is dropped. */
    const replace = (next: Subscription) => {
      current.unsubscribe()
      current = next
      if (finished) next.unsubscribe()
    }

    const finish = (reason: CloseReason, error?: StreamError) => {
      if (finished) return
      finished = true
      current.unsubscribe()
      config.setStatus({ state: 'closed', reason, error })
      subscriber.complete()
    }

    const onAbort = () => finish('aborted')
    const onClose = () => {
      const request = config.close.reason as CloseRequest
      finish(request.reason, request.error)
    }

    // Status and error listeners are user code: any of them may call close(). Every call out is
    // therefore followed by a `finished` check before anything is started.
    const start = () => {
      if (finished) return
      config.setStatus({ state: 'connecting', attempt: failures })
      if (finished) return
      // Whether re-sending this request loses or duplicates nothing (see `idempotent`).
      let resumable = true
      let noContent = false
      let nativeFailures = 0
      const attempt = defer(() =>
        config.request(config.lastEventId()).catch((error: unknown) => {
          throw requestError(error)
        }),
      ).pipe(switchMap((request) => config.transport().connect(request)))
      const slot = new Subscription()
      replace(slot)
      slot.add(
        attempt.subscribe({
          next: (message) => {
            switch (message.type) {
              case 'open':
                failures = 0
                authRetried = false
                nativeFailures = 0
                return config.setStatus({ state: 'open' })
              case 'event':
                resumable = message.event.id !== undefined
                config.setLastEventId(message.event.lastEventId)
                return subscriber.next(message.event)
              case 'last-event-id':
                resumable = true
                return config.setLastEventId(message.lastEventId)
              case 'retry':
                serverRetry = message.delay
                return
              case 'no-content':
                noContent = true
                return
              case 'reconnecting':
                return nativeReconnecting(message.error, ++nativeFailures)
              case 'comment':
                return
            }
          },
          error: (error: unknown) => disconnected(toConnectionError(error), resumable),
          complete: () => (noContent ? finish('no-content') : disconnected(undefined, resumable)),
        }),
      )
    }

    /** The attempt ended: with `error`, or cleanly (EOF) without. Reconnect or close. */
    const disconnected = (error: ConnectionError | undefined, resumable: boolean) => {
      if (finished) return
      if (config.signal?.aborted) return finish('aborted')
      if (error !== undefined) config.reportError(error)
      if (finished) return
      const end = (): void => finish(error === undefined ? 'ended' : 'error', error)
      if (error === undefined && !config.live) return end()
      if (policy === null) return end()
      // A non-idempotent request (a POST to an LLM) is re-sent only if that cannot duplicate
      // what already arrived: never after a clean end, and after a failure only when resumable.
      if (!config.idempotent && !config.resendNonIdempotent && (error === undefined || !resumable))
        return end()
      if (error?.kind === 'http' && error.status === 401 && config.onUnauthorized && !authRetried)
        return refreshAndRetry(error, config.onUnauthorized)
      if (error !== undefined && !policy.shouldRetry(error, { attempt: failures + 1 })) return end()
      failures++
      if (failures > policy.maxAttempts) return error === undefined ? end() : giveUp(error)
      const delay =
        error?.kind === 'http' && error.retryAfter !== undefined
          ? retryAfterDelay(error.retryAfter, policy)
          : nextDelay(failures, policy, serverRetry)
      config.setStatus({ state: 'reconnecting', attempt: failures, delay, error })
      if (!finished) replace(timer(delay).subscribe(start))
    }

    /**
     * Native EventSource reconnects by itself; the policy still decides whether that may go on
     * (`shouldRetry`, `maxAttempts`), and closing the stream stops it.
     */
    const nativeReconnecting = (error: ConnectionError, attempt: number) => {
      config.reportError(error)
      if (finished) return
      if (policy === null || !policy.shouldRetry(error, { attempt })) return finish('error', error)
      if (attempt > policy.maxAttempts) return giveUp(error)
      config.setStatus({ state: 'reconnecting', attempt, delay: undefined, error })
    }

    const giveUp = (error: ConnectionError) => {
      const gaveUp = gaveUpError(policy?.maxAttempts ?? 0, error)
      config.reportError(gaveUp)
      finish('error', gaveUp)
    }

    const refreshAndRetry = (error: HttpError, hook: UnauthorizedHandler) => {
      authRetried = true
      config.setStatus({ state: 'reconnecting', attempt: failures + 1, delay: 0, error })
      if (finished) return
      replace(
        defer(async () => hook(error)).subscribe({
          next: (proceed) => (proceed === false ? finish('error', error) : start()),
          error: (cause: unknown) => {
            const failure = requestError(cause)
            config.reportError(failure)
            finish('error', failure)
          },
        }),
      )
    }

    if (config.close.aborted) onClose()
    else if (config.signal?.aborted) onAbort()
    else {
      config.signal?.addEventListener('abort', onAbort, { once: true })
      config.close.addEventListener('abort', onClose, { once: true })
      start()
    }

    return () => {
      config.signal?.removeEventListener('abort', onAbort)
      config.close.removeEventListener('abort', onClose)
      current.unsubscribe()
      if (!finished) config.setStatus({ state: 'idle' })
    }
  })
}

function toConnectionError(error: unknown): ConnectionError {
  if (isStreamError(error) && error.kind !== 'decode' && error.kind !== 'gave-up') return error
  return networkError(error)
}
