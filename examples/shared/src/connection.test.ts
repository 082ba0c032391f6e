import type { StreamError, StreamStatus } from '@rivulet/core'
import { describe, expect, it } from 'vitest'
import { INITIAL_CONNECTION, reconnections, recovered, reduceConnection } from './connection'
import type { ConnectionAction, ConnectionState } from './connection'

const NETWORK: StreamError = { kind: 'network', message: 'network error: terminated', cause: null }
const status = (value: StreamStatus): ConnectionAction => ({ type: 'status', status: value })
const error = (value: StreamError): ConnectionAction => ({ type: 'error', error: value })
const OPEN = status({ state: 'open' })
const RECONNECTING = status({
  state: 'reconnecting',
  attempt: 1,
  delay: 1000,
  retryAt: 2000,
  error: NETWORK,
  resumable: true,
})
const CONNECTING = status({ state: 'connecting', attempt: 1 })
const run = (actions: readonly ConnectionAction[]): ConnectionState =>
  actions.reduce(reduceConnection, INITIAL_CONNECTION)

describe('the connection panel fold', () => {
  it('counts each return to open after the first as a reconnection', () => {
    const state = run([
      status({ state: 'connecting', attempt: 0 }),
      OPEN,
      error(NETWORK),
      RECONNECTING,
      CONNECTING,
      OPEN,
      RECONNECTING,
      CONNECTING,
      RECONNECTING,
      CONNECTING,
      OPEN,
    ])
    expect(state.opens).toBe(3)
    expect(reconnections(state)).toBe(2)
  })

  it('counts a status repeated by a new subscriber once', () => {
    expect(reconnections(run([OPEN, OPEN, RECONNECTING, OPEN, OPEN]))).toBe(1)
  })

  it('reports the last error as ongoing until the stream opens again', () => {
    const failing = run([OPEN, error(NETWORK), RECONNECTING, CONNECTING])
    expect(failing.lastError?.error).toBe(NETWORK)
    expect(recovered(failing)).toBe(false)
    expect(recovered(reduceConnection(failing, OPEN))).toBe(true)
  })

  it('takes an event that failed to decode as recovered at once: the stream went on', () => {
    const decode: StreamError = {
      kind: 'decode',
      message: 'could not decode "stockUpdate" event: Unexpected end of JSON input',
      type: 'stockUpdate',
      data: '{"symbol":"MSFT","price":',
      id: undefined,
      cause: null,
    }
    expect(recovered(run([OPEN, error(decode)]))).toBe(true)
  })

  it('has nothing to recover from before any error', () => {
    expect(INITIAL_CONNECTION.lastError).toBeUndefined()
    expect(recovered(INITIAL_CONNECTION)).toBe(true)
    expect(reconnections(INITIAL_CONNECTION)).toBe(0)
  })
})
