import { describe, expect, it } from 'vitest'
import { parseDemoOptions } from './options.mjs'

describe('npm start options', () => {
  it('runs the TypeScript server and the three apps on their usual ports by default', () => {
    expect(parseDemoOptions([], {})).toEqual({
      server: 'ts',
      port: 5000,
      interval: 500,
      apps: [
        { name: 'react', port: 5173 },
        { name: 'vue', port: 5174 },
        { name: 'vanilla', port: 5175 },
      ],
      stateFile: undefined,
      build: true,
      help: false,
    })
  })

  it('takes the server from a flag or DEMO_SERVER, the flag first', () => {
    expect(parseDemoOptions([], { DEMO_SERVER: 'aspnet' }).server).toBe('aspnet')
    expect(parseDemoOptions(['--server', 'ts'], { DEMO_SERVER: 'aspnet' }).server).toBe('ts')
  })

  it('takes ports, apps and the rest from flags, after the `--` npm passes on', () => {
    const options = parseDemoOptions(
      [
        '--',
        '--apps',
        'vanilla,react',
        '--port',
        '6000',
        '--vanilla-port',
        '6175',
        '--no-build',
        '--state-file',
        's.state',
      ],
      { PORT: '7000' },
    )
    expect(options).toMatchObject({
      port: 6000,
      apps: [
        { name: 'vanilla', port: 6175 },
        { name: 'react', port: 5173 },
      ],
      build: false,
      stateFile: 's.state',
    })
    expect(parseDemoOptions([], { PORT: '7000' }).port).toBe(7000)
  })

  it('refuses what it cannot run, naming the flag', () => {
    expect(() => parseDemoOptions(['--server', 'go'], {})).toThrow(
      '--server (DEMO_SERVER) must be ts or aspnet, got "go"',
    )
    expect(() => parseDemoOptions(['--apps', 'svelte'], {})).toThrow(
      '--apps takes react, vue, vanilla; got "svelte"',
    )
    expect(() => parseDemoOptions(['--port', '5173'], {})).toThrow(
      'every port must differ, got 5173, 5173, 5174, 5175',
    )
    expect(() => parseDemoOptions(['--interval', 'fast'], {})).toThrow(
      '--interval must be a whole number from 1 to 3600000, got "fast"',
    )
    expect(() => parseDemoOptions(['--verbose'], {})).toThrow("Unknown option '--verbose'")
  })
})
