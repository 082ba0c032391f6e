import { describe, expect, it } from 'vitest'
import { parseDemoOptions } from './options.mjs'
import { demoPlan } from './plan.mjs'

const ROOT = '/repo'
const NODE = '/bin/node'

describe('the demo plan', () => {
  it('runs the TypeScript server with a state file, heartbeats and CORS for each app', () => {
    const plan = demoPlan(parseDemoOptions(['--apps', 'react,vanilla'], {}), ROOT, NODE)
    expect(plan.stateFile).toBe('/repo/node_modules/.cache/rivulet-demo/stocks.state')
    expect(plan.server).toEqual({
      name: 'server',
      title: 'Stock server',
      command: NODE,
      args: [
        '/repo/examples/server/dist/main.js',
        '--port',
        '5000',
        '--interval',
        '500',
        '--heartbeat',
        '2000',
        '--state-file',
        '/repo/node_modules/.cache/rivulet-demo/stocks.state',
        '--origins',
        'http://127.0.0.1:5173,http://localhost:5173,http://127.0.0.1:5175,http://localhost:5175',
      ],
      cwd: ROOT,
      env: {},
      ready: /listening on http/,
      url: 'http://127.0.0.1:5000/stocks',
    })
  })

  it('points each app at the stream, its control API and an idle timeout above the heartbeat', () => {
    const [react] = demoPlan(parseDemoOptions(['--apps', 'react'], {}), ROOT, NODE).apps
    expect(react).toEqual({
      name: 'react',
      title: 'React app',
      command: NODE,
      args: [
        '/repo/examples/react/node_modules/vite/bin/vite.js',
        '--host',
        '127.0.0.1',
        '--port',
        '5173',
        '--strictPort',
      ],
      cwd: '/repo/examples/react',
      env: {
        VITE_STOCKS_URL: 'http://127.0.0.1:5000/stocks',
        VITE_CONTROL_URL: 'http://127.0.0.1:5000/control',
        VITE_IDLE_TIMEOUT: '6000',
      },
      ready: /Local:\s+http/,
      url: 'http://127.0.0.1:5173',
    })
  })

  it('runs the built ASP.NET Core server on /stocks2, and turns the outage buttons off', () => {
    const plan = demoPlan(parseDemoOptions(['--server', 'aspnet', '--apps', 'vue'], {}), ROOT, NODE)
    expect(plan.stateFile).toBeUndefined()
    expect(plan.server).toMatchObject({
      command: 'dotnet',
      args: [
        '/repo/examples/aspnet/dist/bin/StockServer/release/StockServer.dll',
        '--port',
        '5000',
        '--interval',
        '500',
        '--origins',
        'http://127.0.0.1:5174,http://localhost:5174',
      ],
      env: { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
      url: 'http://127.0.0.1:5000/stocks2',
    })
    expect(plan.apps[0]?.env).toEqual({
      VITE_STOCKS_URL: 'http://127.0.0.1:5000/stocks2',
      VITE_CONTROL_URL: 'none',
      VITE_IDLE_TIMEOUT: '6000',
    })
  })

  it('recognises the ready lines the processes print', () => {
    const plan = demoPlan(parseDemoOptions(['--apps', 'vue'], {}), ROOT, NODE)
    const aspnet = demoPlan(
      parseDemoOptions(['--server', 'aspnet', '--apps', 'vue'], {}),
      ROOT,
      NODE,
    )
    expect(
      plan.server.ready.test(
        '2026-12-01T17:59:52.542Z listening on http://127.0.0.1:5600 (stream: GET http://127.0.0.1:5600/stocks; in memory; instance vm-1)',
      ),
    ).toBe(true)
    expect(
      aspnet.server.ready.test(
        '2026-12-01T17:09:53.533Z info: Microsoft.Hosting.Lifetime[14] Now listening on: http://127.0.0.1:5000',
      ),
    ).toBe(true)
    expect(plan.apps[0]?.ready.test('  ➜  Local:   http://127.0.0.1:5174/')).toBe(true)
    expect(plan.apps[0]?.ready.test('  ➜  Network: use --host to expose')).toBe(false)
  })
})
