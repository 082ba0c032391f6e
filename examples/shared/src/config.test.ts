import { describe, expect, it } from 'vitest'
import { DEFAULT_IDLE_TIMEOUT, tickerConfig } from './config'
import { decodeQuote, decodeReset } from './decode'

describe('the ticker config', () => {
  it('reads the reference server on port 5000 by default, with its control API', () => {
    expect(tickerConfig({})).toEqual({
      stocksUrl: 'http://127.0.0.1:5000/stocks',
      controlUrl: 'http://127.0.0.1:5000/control',
      idleTimeout: DEFAULT_IDLE_TIMEOUT,
      streamOptions: {
        idleTimeout: DEFAULT_IDLE_TIMEOUT,
        retry: { maxDelay: 5000 },
        decode: { stockUpdate: decodeQuote, reset: decodeReset },
      },
    })
  })

  it('takes the control API from the stream origin, from its own variable, or none', () => {
    const url = 'http://127.0.0.1:6100/stocks?dropAfter=5'
    expect(tickerConfig({ VITE_STOCKS_URL: url }).controlUrl).toBe('http://127.0.0.1:6100/control')
    expect(
      tickerConfig({ VITE_STOCKS_URL: url, VITE_CONTROL_URL: 'http://127.0.0.1:7000/control/' })
        .controlUrl,
    ).toBe('http://127.0.0.1:7000/control')
    expect(tickerConfig({ VITE_CONTROL_URL: 'none' }).controlUrl).toBeUndefined()
  })

  it('takes the idle timeout from the environment', () => {
    const config = tickerConfig({ VITE_IDLE_TIMEOUT: '2000' })
    expect(config.idleTimeout).toBe(2000)
    expect(config.streamOptions.idleTimeout).toBe(2000)
  })

  it('refuses what it cannot use, naming the variable', () => {
    expect(() => tickerConfig({ VITE_STOCKS_URL: '/stocks' })).toThrow(
      'VITE_STOCKS_URL must be an absolute URL, got "/stocks"',
    )
    expect(() => tickerConfig({ VITE_IDLE_TIMEOUT: '2 s' })).toThrow(
      'VITE_IDLE_TIMEOUT must be a whole number of ms, 100 or more, got "2 s"',
    )
  })
})
