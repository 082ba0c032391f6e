// CLI entry: reads flags and environment, logs connections, shuts down on SIGINT/SIGTERM.

import { parseConfig, USAGE } from './config'
import { createStockServer } from './server'

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

  const server = createStockServer({
    ...config.server,
    log: config.quiet ? undefined : timestamped,
  })
  const { url } = await server.listen(config.port, config.host)
  // Scripts (the load test, other packages' e2e setups) read the URL from this line.
  timestamped(`listening on ${url} (stream: GET ${url}/stocks)`)

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
}

await main()
