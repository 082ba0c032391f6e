import { describe, expect, it } from 'vitest'
import * as core from './index'

describe('the public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(core).sort()).toEqual([
      'ParseError',
      'acrossTabs',
      'createEventStream',
      'createParser',
      'defaultRetryPolicy',
      'eventListStore',
      'eventReducerStore',
      'eventSourceTransport',
      'eventStreamStatusStore',
      'eventStreamStore',
      'fetchTransport',
      'inStorage',
      'isRetryableStatus',
      'isStreamError',
      'nextDelay',
      'pageLifecycle',
      'parseRetryAfter',
      'shouldRetryByDefault',
    ])
  })

  it('touches no browser global at import time', async () => {
    // Importing ran above with neither window nor document nor EventSource defined in Node.
    expect('window' in globalThis).toBe(false)
    expect(typeof core.createEventStream).toBe('function')
  })
})
