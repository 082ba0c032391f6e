// Command-line flags and environment for main.ts, kept pure so it can be tested.

import { parseArgs } from 'node:util'
import { DEFAULT_ALLOWED_ORIGINS } from './cors'
import { DEFAULTS } from './server'
import type { StockServerOptions } from './server'

export const DEFAULT_PORT = 5000
export const DEFAULT_HOST = '127.0.0.1'

export const USAGE = `Usage: pnpm --filter @rivulet/example-server start [-- options]

  --port <n>        port to listen on; 0 picks a free one (env PORT, default ${DEFAULT_PORT})
  --host <addr>     address to bind (env HOST, default ${DEFAULT_HOST})
  --interval <ms>   time between quotes (default ${DEFAULTS.intervalMs}, like the original)
  --heartbeat <ms>  time between ': heartbeat' comments, 0 = off (default ${DEFAULTS.heartbeatMs})
  --retry <ms>      'retry:' value sent on connect (default ${DEFAULTS.retryMs})
  --buffer <n>      quotes kept for Last-Event-ID replay (default ${DEFAULTS.bufferSize})
  --origins <list>  comma-separated CORS origins, '*' for any (env CORS_ORIGINS,
                    default ${DEFAULT_ALLOWED_ORIGINS.join(',')})
  --seed <n>        seed for the random walk, for a repeatable feed (default: time)
  --quiet           do not log connections
  --help            show this text`

export interface Config {
  readonly port: number
  readonly host: string
  readonly quiet: boolean
  readonly help: boolean
  readonly server: StockServerOptions
}

type Env = Readonly<Record<string, string | undefined>>

/** Flags win over the environment, which wins over the defaults. Throws on bad input. */
export function parseConfig(argv: readonly string[], env: Env): Config {
  const { values } = parseArgs({
    // `pnpm start -- --port 6000` passes the `--` through; it separates nothing here.
    args: argv.filter((arg) => arg !== '--'),
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      interval: { type: 'string' },
      heartbeat: { type: 'string' },
      retry: { type: 'string' },
      buffer: { type: 'string' },
      origins: { type: 'string' },
      seed: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  const origins = values.origins ?? env.CORS_ORIGINS
  const seed = values.seed === undefined ? undefined : integer('--seed', values.seed, 0)
  return {
    port: integer('--port', values.port ?? env.PORT ?? String(DEFAULT_PORT), 0, 65_535),
    host: values.host ?? env.HOST ?? DEFAULT_HOST,
    quiet: values.quiet,
    help: values.help,
    server: {
      intervalMs: integer('--interval', values.interval ?? String(DEFAULTS.intervalMs), 1),
      heartbeatMs: integer('--heartbeat', values.heartbeat ?? String(DEFAULTS.heartbeatMs), 0),
      retryMs: integer('--retry', values.retry ?? String(DEFAULTS.retryMs), 0),
      bufferSize: integer('--buffer', values.buffer ?? String(DEFAULTS.bufferSize), 1),
      allowedOrigins:
        origins === undefined
          ? DEFAULT_ALLOWED_ORIGINS
          : origins
              .split(',')
              .map((origin) => origin.trim())
              .filter((origin) => origin !== ''),
      quotes: seed === undefined ? {} : { seed },
    },
  }
}

function integer(name: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(value >= min && value <= max)) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`)
  }
  return value
}
