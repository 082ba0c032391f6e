// CLI of the round-robin proxy: node dist/proxy.js --port 5000 --target http://127.0.0.1:5001 ...

import { parseArgs } from 'node:util'
import { createRoundRobinProxy } from './proxy'

const USAGE = `Usage: node dist/proxy.js [--port <n>] [--host <addr>] --target <url> [--target <url> ...]

  Sends each request to the next target in turn, skipping one that refuses connections.
  --port <n>      port to listen on (default 5000; 0 picks a free one)
  --host <addr>   address to bind (default 127.0.0.1)
  --target <url>  an instance, e.g. http://127.0.0.1:5001 (at least one)`

function main(): void {
  let values
  try {
    ;({ values } = parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      strict: true,
      options: {
        port: { type: 'string', default: '5000' },
        host: { type: 'string', default: '127.0.0.1' },
        target: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', default: false },
      },
    }))
    if (values.help) {
      console.log(USAGE)
      return
    }
    if (values.target.length === 0) throw new Error('give at least one --target')
    for (const target of values.target) new URL(target)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    console.error(USAGE)
    process.exitCode = 2
    return
  }
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`)
  const proxy = createRoundRobinProxy({ targets: values.target, log })
  proxy.listen(Number(values.port), values.host).then(
    ({ url }) => log(`proxy listening on ${url}, round robin over ${values.target.join(' ')}`),
    (error: unknown) => {
      console.error(`cannot listen: ${String(error)}`)
      process.exitCode = 1
    },
  )
  const stop = () => void proxy.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main()
