// @ts-check
// What each demo process is: the command, its environment, the line that says it is ready, and
// the URL to print. Pure: `npm start` runs these; the tests read them.

import { join } from 'node:path'

/**
 * @typedef {object} ProcessSpec
 * @property {string} name its label in the log: `server`, `react`, `vue`, `vanilla`
 * @property {string} title what the banner calls it
 * @property {string} command
 * @property {string[]} args
 * @property {string} cwd
 * @property {Record<string, string>} env added to the runner's own environment
 * @property {RegExp} ready a line of its output that says it is listening
 * @property {string} url what the banner shows
 */

/** Six seconds: three of the server's heartbeats, so a stall is caught and a quiet feed is not. */
const IDLE_TIMEOUT_MS = 6000
const HEARTBEAT_MS = 2000

const TITLES = { react: 'React app', vue: 'Vue app', vanilla: 'Vanilla app' }

/**
 * @param {import('./options.mjs').DemoOptions} options
 * @param {string} root the repository
 * @param {string} node the Node.js binary that runs the server and Vite
 * @returns {{ server: ProcessSpec, apps: ProcessSpec[], stateFile: string | undefined }}
 */
export function demoPlan(options, root, node) {
  const origins = options.apps
    .flatMap(({ port }) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`])
    .join(',')
  const base = `http://127.0.0.1:${options.port}`
  const stateFile =
    options.server === 'ts'
      ? (options.stateFile ?? join(root, 'node_modules', '.cache', 'rivulet-demo', 'stocks.state'))
      : undefined
  /** @type {ProcessSpec} */
  const server =
    options.server === 'ts'
      ? {
          name: 'server',
          title: 'Stock server',
          command: node,
          args: [
            join(root, 'examples', 'server', 'dist', 'main.js'),
            '--port',
            String(options.port),
            '--interval',
            String(options.interval),
            '--heartbeat',
            String(HEARTBEAT_MS),
            '--state-file',
            /** @type {string} */ (stateFile),
            '--origins',
            origins,
          ],
          cwd: root,
          env: {},
          ready: /listening on http/,
          url: `${base}/stocks`,
        }
      : {
          name: 'server',
          title: 'Stock server',
          command: 'dotnet',
          args: [
            join(
              root,
              'examples',
              'aspnet',
              'dist',
              'bin',
              'StockServer',
              'release',
              'StockServer.dll',
            ),
            '--port',
            String(options.port),
            '--interval',
            String(options.interval),
            '--origins',
            origins,
          ],
          cwd: join(root, 'examples', 'aspnet'),
          env: { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
          ready: /Now listening on: http/,
          // The endpoint with ids and replay; /stocks is the article's, which cannot resume.
          url: `${base}/stocks2`,
        }
  const apps = options.apps.map(({ name, port }) => {
    const dir = join(root, 'examples', name)
    /** @type {ProcessSpec} */
    const app = {
      name,
      title: TITLES[name],
      command: node,
      // Vite's own script, not pnpm: the process the supervisor stops is Vite itself.
      args: [
        join(dir, 'node_modules', 'vite', 'bin', 'vite.js'),
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--strictPort',
      ],
      cwd: dir,
      env: {
        VITE_STOCKS_URL: server.url,
        // The ASP.NET Core server has no control API: the apps turn their outage buttons off.
        VITE_CONTROL_URL: options.server === 'ts' ? `${base}/control` : 'none',
        VITE_IDLE_TIMEOUT: String(IDLE_TIMEOUT_MS),
      },
      ready: /Local:\s+http/,
      url: `http://127.0.0.1:${port}`,
    }
    return app
  })
  return { server, apps, stateFile }
}
