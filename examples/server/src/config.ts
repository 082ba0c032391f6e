// Command-line flags and environment for main.ts, kept pure so it can be tested.

import { parseArgs } from 'node:util'
import { DEFAULT_ALLOWED_ORIGINS } from './cors'
import { REDIS_DEFAULTS } from './redis/redis-backend'
import { DEFAULTS } from './server'
import type { StockServerOptions } from './server'

const DEFAULT_PORT = 5000
const DEFAULT_HOST = '127.0.0.1'

export const USAGE = `Usage: node dist/main.js [options]   (or: pnpm --filter @rivulet/example-server start -- [options])

  --port <n>          port to listen on; 0 picks a free one (env PORT, default ${DEFAULT_PORT})
  --host <addr>       address to bind (env HOST, default ${DEFAULT_HOST})
  --interval <ms>     time between quotes (default ${DEFAULTS.intervalMs}, like the original)
  --heartbeat <ms>    time between ': heartbeat' comments, 0 = off (default ${DEFAULTS.heartbeatMs})
  --retry <ms>        'retry:' value sent on connect (default ${DEFAULTS.retryMs})
  --buffer <n>        quotes kept for Last-Event-ID replay; in Redis the stream's MAXLEN ~
                      (default ${DEFAULTS.bufferSize})
  --state-file <path> in memory: keep ids and the replay buffer in this file across restarts
                      (env STATE_FILE)
  --redis <url>       keep the feed in Redis Streams, shared by every instance (env REDIS_URL)
  --stream-key <key>  the Redis stream's key (env REDIS_STREAM_KEY, default ${REDIS_DEFAULTS.key})
  --lease <ms>        Redis: how long the producer's lease lasts unrenewed (default ${REDIS_DEFAULTS.leaseMs})
  --no-produce        Redis: never stand for producer, only serve clients
  --instance <name>   this instance's name in logs and the X-Rivulet-Instance header
                      (default <hostname>-<pid>)
  --origins <list>    comma-separated CORS origins, '*' for any (env CORS_ORIGINS,
                      default ${DEFAULT_ALLOWED_ORIGINS.join(',')})
  --seed <n>          seed for the random walk, for a repeatable feed (default: time)
  --no-control        turn off /control/* (outages on a button)
  --quiet             do not log connections
  --help              show this text`

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
      'state-file': { type: 'string' },
      redis: { type: 'string' },
      'stream-key': { type: 'string' },
      lease: { type: 'string' },
      'no-produce': { type: 'boolean', default: false },
      instance: { type: 'string' },
      origins: { type: 'string' },
      seed: { type: 'string' },
      'no-control': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  const origins = values.origins ?? env.CORS_ORIGINS
  const seed = values.seed === undefined ? undefined : integer('--seed', values.seed, 0)
  const redisUrl = nonEmpty(values.redis ?? env.REDIS_URL)
  const stateFile = nonEmpty(values['state-file'] ?? env.STATE_FILE)
  if (redisUrl !== undefined && stateFile !== undefined) {
    throw new Error('--state-file is for the in-memory feed; with --redis, Redis keeps the feed')
  }
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new Error('--redis (REDIS_URL) must be a redis:// or rediss:// URL')
  }
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
      stateFile,
      redis:
        redisUrl === undefined
          ? undefined
          : {
              url: redisUrl,
              key: nonEmpty(values['stream-key'] ?? env.REDIS_STREAM_KEY) ?? REDIS_DEFAULTS.key,
              leaseMs: integer('--lease', values.lease ?? String(REDIS_DEFAULTS.leaseMs), 100),
              produce: !values['no-produce'],
            },
      instance: nonEmpty(values.instance),
      control: !values['no-control'],
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

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
