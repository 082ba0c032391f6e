// CLI entry: reads flags and environment, logs connections, shuts down on SIGINT/SIGTERM.
// Exit codes: 0 after a clean shutdown, 1 on a second signal or a failure while running or
// closing, 2 for bad flags or a state file it will not overwrite.

import { parseConfig, USAGE } from './config'
import { StateFileError } from './memory/state-file'
import { redactUrl } from './redis/connect'
import { createStockServer } from './server'
import type { StockServer } from './server'

function timestamped(line: string): void {
  console.log(`${new Date().toISOString()} ${line}`)
}

async function main(): Promise<void> {
  let config
  try {
    config = parseConfig(process.argv.slice(2), process.env)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    console.error(USAGE)
    process.exitCode = 2
    return
  }
  if (config.help) {
    console.log(USAGE)
    return
  }

  let server: StockServer
  try {
    server = createStockServer({ ...config.server, log: config.quiet ? undefined : timestamped })
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = error instanceof StateFileError ? 2 : 1
    return
  }
  let url: string
  try {
    ;({ url } = await server.listen(config.port, config.host))
  } catch (error) {
    console.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`)
    await server.close().catch(() => {})
    process.exitCode = 1
    return
  }
  const redis = config.server.redis
  const backend =
    redis === undefined
      ? `in memory${config.server.stateFile === undefined ? '' : `, state file ${config.server.stateFile}`}`
      : `on Redis ${redactUrl(redis.url)} stream ${redis.key ?? ''}`
  // Before the line below: a script may signal as soon as it reads it.
  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl-C means "now": do not wait for slow clients.
      timestamped(`${signal} again, exiting at once`)
      process.exit(1)
    }
    stopping = true
    timestamped(`${signal}: ending ${server.connectionCount} streams and closing`)
    server.close().then(
      () => {
        timestamped('closed')
        process.exit(0)
      },
      (error: unknown) => {
        console.error('error while closing:', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  // Scripts (the load test, other packages' e2e setups) read the URL from this line.
  timestamped(
    `listening on ${url} (stream: GET ${url}/stocks; ${backend}; instance ${server.instance})`,
  )
}

await main()
