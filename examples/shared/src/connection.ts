// The connection panel's memory: what the status alone cannot say. How often the stream came
// back, and the last error with whether the stream has been open since (recovered from it).

import type { StreamError, StreamState, StreamStatus } from '@rivulet/core'

export interface ConnectionState {
  /** The state last seen, so a repeated status (a re-subscription) counts once. */
  readonly state: StreamState
  /** Times the stream reached `open`. */
  readonly opens: number
  readonly lastError: { readonly error: StreamError; readonly seq: number } | undefined
  /** `seq` of the last `open`. */
  readonly openedAt: number
  readonly seq: number
}

export type ConnectionAction =
  | { readonly type: 'status'; readonly status: StreamStatus }
  | { readonly type: 'error'; readonly error: StreamError }

export const INITIAL_CONNECTION: ConnectionState = {
  state: 'idle',
  opens: 0,
  lastError: undefined,
  openedAt: -1,
  seq: 0,
}

/** Pure, for `useReducer` and `scan`: feed it every status of `status$` and every `errors$`. */
export function reduceConnection(
  state: ConnectionState,
  action: ConnectionAction,
): ConnectionState {
  const seq = state.seq + 1
  if (action.type === 'error') return { ...state, lastError: { error: action.error, seq }, seq }
  const { state: next } = action.status
  if (next === state.state) return state
  const opened = next === 'open'
  return {
    ...state,
    state: next,
    opens: state.opens + (opened ? 1 : 0),
    openedAt: opened ? seq : state.openedAt,
    seq,
  }
}

/** Opens after the first: each one a connection that came back. */
export const reconnections = (state: ConnectionState): number => Math.max(0, state.opens - 1)

/**
 * Whether the stream got past its last error: it has been open since, or the error was one
 * event that failed to decode (the stream skipped it and went on).
 */
export function recovered(state: ConnectionState): boolean {
  const last = state.lastError
  if (last === undefined) return true
  if (last.error.kind === 'decode' || last.error.kind === 'validation') return true
  return state.openedAt > last.seq
}

/** The button under the panel: `stream.reconnect()`. */
export const RECONNECT = {
  label: 'Reconnect now',
  explains:
    'Skips the wait while reconnecting; while live, drops the connection and resumes after the last event id.',
} as const
