// @ts-check
// `npm start -- [flags]`: what to run and where. Plain JavaScript on Node's own modules, since
// it runs before anything is installed or built. Pure, so it is tested without starting anything.

import { parseArgs } from 'node:util'

const APPS = /** @type {const} */ (['react', 'vue', 'vanilla'])

/** @typedef {(typeof APPS)[number]} AppName */
/** @typedef {'ts' | 'aspnet'} ServerKind */

/**
 * @typedef {object} DemoOptions
 * @property {ServerKind} server which stock server: the TypeScript reference one or ASP.NET Core's
 * @property {number} port the stock server's port
 * @property {number} interval milliseconds between quotes
 * @property {{ name: AppName, port: number }[]} apps the apps to run, each on its port
 * @property {string | undefined} stateFile where the TypeScript server keeps its feed across restarts
 * @property {boolean} build install and build what is missing first
 * @property {boolean} help
 */

const DEFAULT_PORTS = { server: 5000, react: 5173, vue: 5174, vanilla: 5175 }

export const USAGE = `Usage: npm start -- [options]      (or: node scripts/demo.mjs [options])

  --server <ts|aspnet>  the stock server: the TypeScript reference server (ts, default) or the
                        ASP.NET Core one in examples/aspnet (needs the .NET 10 SDK); env DEMO_SERVER
  --port <n>            the stock server's port (env PORT, default ${DEFAULT_PORTS.server})
  --interval <ms>       time between quotes (default 500)
  --apps <list>         which apps, comma-separated (default react,vue,vanilla)
  --react-port <n>      (default ${DEFAULT_PORTS.react})
  --vue-port <n>        (default ${DEFAULT_PORTS.vue})
  --vanilla-port <n>    (default ${DEFAULT_PORTS.vanilla})
  --state-file <path>   the TypeScript server's journal, so a restarted server keeps its ids
                        (default node_modules/.cache/rivulet-demo/stocks.state)
  --no-build            skip installing and building (when nothing changed since the last run)
  --help                show this text`

/**
 * Flags win over the environment, which wins over the defaults. Throws an Error that names the
 * flag on bad input.
 * @param {readonly string[]} argv
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {DemoOptions}
 */
export function parseDemoOptions(argv, env) {
  const { values } = parseArgs({
    // `npm start -- --port 6000` passes the `--` through; it separates nothing here.
    args: argv.filter((arg) => arg !== '--'),
    strict: true,
    options: {
      server: { type: 'string' },
      port: { type: 'string' },
      interval: { type: 'string' },
      apps: { type: 'string' },
      'react-port': { type: 'string' },
      'vue-port': { type: 'string' },
      'vanilla-port': { type: 'string' },
      'state-file': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  const server = values.server ?? env.DEMO_SERVER ?? 'ts'
  if (server !== 'ts' && server !== 'aspnet') {
    throw new Error(`--server (DEMO_SERVER) must be ts or aspnet, got "${server}"`)
  }
  const names = (values.apps ?? APPS.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  for (const name of names) {
    if (!APPS.includes(/** @type {AppName} */ (name))) {
      throw new Error(`--apps takes ${APPS.join(', ')}; got "${name}"`)
    }
  }
  if (names.length === 0) throw new Error('--apps needs at least one app')
  const apps = [...new Set(/** @type {AppName[]} */ (names))].map((name) => ({
    name,
    port: integer(
      `--${name}-port`,
      values[`${name}-port`] ?? String(DEFAULT_PORTS[name]),
      1,
      65_535,
    ),
  }))
  const port = integer('--port', values.port ?? env.PORT ?? String(DEFAULT_PORTS.server), 1, 65_535)
  const ports = [port, ...apps.map((app) => app.port)]
  if (new Set(ports).size !== ports.length)
    throw new Error(`every port must differ, got ${ports.join(', ')}`)
  return {
    server,
    port,
    interval: integer('--interval', values.interval ?? '500', 1, 3_600_000),
    apps,
    stateFile: values['state-file'],
    build: !values['no-build'],
    help: values.help,
  }
}

/**
 * @param {string} name
 * @param {string} raw
 * @param {number} min
 * @param {number} max
 */
function integer(name, raw, min, max) {
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(value >= min && value <= max)) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}
