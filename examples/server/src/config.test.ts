import { describe, expect, it } from 'vitest'
import { DEFAULT_ALLOWED_ORIGINS } from './cors'
import { parseConfig } from './config'

describe('parseConfig', () => {
  it('defaults to 127.0.0.1:5000 and the original two-second interval', () => {
    const config = parseConfig([], {})
    expect([config.host, config.port, config.server.intervalMs]).toEqual(['127.0.0.1', 5000, 2000])
    expect(config.server.allowedOrigins).toEqual(DEFAULT_ALLOWED_ORIGINS)
  })

  it('takes the port from PORT, and from --port over PORT', () => {
    expect(parseConfig([], { PORT: '6001' }).port).toBe(6001)
    expect(parseConfig(['--port', '6002'], { PORT: '6001' }).port).toBe(6002)
  })

  it('ignores the -- that pnpm passes through before the flags', () => {
    expect(parseConfig(['--', '--port', '6003'], {}).port).toBe(6003)
  })

  it('reads every tuning flag', () => {
    const config = parseConfig(
      ['--interval', '100', '--heartbeat', '0', '--retry', '250', '--buffer', '50', '--seed', '3'],
      {},
    )
    expect(config.server).toMatchObject({
      intervalMs: 100,
      heartbeatMs: 0,
      retryMs: 250,
      bufferSize: 50,
      quotes: { seed: 3 },
    })
  })

  it('reads allowed origins from --origins or CORS_ORIGINS', () => {
    const origins = (argv: string[], env: Record<string, string>) =>
      parseConfig(argv, env).server.allowedOrigins
    expect(origins(['--origins', 'http://a.test, http://b.test'], {})).toEqual([
      'http://a.test',
      'http://b.test',
    ])
    expect(origins([], { CORS_ORIGINS: '*' })).toEqual(['*'])
  })

  it('rejects bad numbers and unknown flags', () => {
    expect(() => parseConfig(['--port', '70000'], {})).toThrow(/--port/)
    expect(() => parseConfig(['--interval', '0'], {})).toThrow(/--interval/)
    expect(() => parseConfig(['--nope'], {})).toThrow()
  })
})
