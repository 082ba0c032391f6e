// Bounded load test: N loopback clients on one server for S seconds, then a verdict on
// whether every client got every event (by id continuity). Stops by itself.
//
//   pnpm --filter @rivulet/example-server load -- --clients 1000 --seconds 10

import { spawn } from 'node:child_process'
import { request } from 'node:http'
import type { ClientRequest } from 'node:http'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { summarize } from './load-report'
import type { ClientRecord } from './load-report'

const MAX_CLIENTS = 5000
const MAX_SECONDS = 60
const CONNECT_BATCH = 100
const CONNECT_LIMIT_MS = 60_000
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

interface Client {
  readonly record: { ids: number[]; latencies: number[]; error?: string }
  readonly request: ClientRequest
}

function readArgs() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      clients: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '10' },
      interval: { type: 'string', default: '100' },
      url: { type: 'string' },
    },
  })
  const bounded = (name: string, raw: string, max: number) => {
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new Error(`--${name} must be an integer from 1 to ${max}, got "${raw}"`)
    }
    return value
  }
  if (values.url !== undefined && !LOOPBACK.has(new URL(values.url).hostname)) {
    throw new Error(`--url must be a loopback address; this script only loads your own machine`)
  }
  return {
    clients: bounded('clients', values.clients, MAX_CLIENTS),
    seconds: bounded('seconds', values.seconds, MAX_SECONDS),
    interval: bounded('interval', values.interval, 60_000),
    url: values.url,
  }
}

/** Starts `src/main.ts` in its own process, so clients and server do not share a thread. */
async function startServer(interval: number) {
  const packageDir = fileURLToPath(new URL('..', import.meta.url))
  const args = ['--import', 'tsx', 'src/main.ts', '--port', '0', '--quiet']
  const child = spawn(process.execPath, [...args, '--interval', String(interval)], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)))
  })
  return {
    url,
    async stop(): Promise<{ code: number | null; ms: number }> {
      const started = performance.now()
      child.kill('SIGTERM')
      const code = await exited
      return { code, ms: Math.round(performance.now() - started) }
    },
  }
}

/** Opens one stream; resolves once the server's retry line arrived (subscribed). */
function connect(url: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const record: Client['record'] = { ids: [], latencies: [] }
    const req = request(`${url}/stocks`, { agent: false })
    req.on('error', (error) => {
      record.error ??= error.message
      reject(error)
    })
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`))
      let pending = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        pending += chunk
        // This server writes whole '\n'-separated blocks; a general client needs a real parser.
        let end
        while ((end = pending.indexOf('\n\n')) !== -1) {
          const block = pending.slice(0, end)
          pending = pending.slice(end + 2)
          if (block.startsWith('retry:')) resolve({ record, request: req })
          if (!block.startsWith('event: stockUpdate\n')) continue
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? '{}'
          const quote = JSON.parse(data) as { id: number; timestamp: string }
          record.ids.push(quote.id)
          record.latencies.push(Date.now() - Date.parse(quote.timestamp))
        }
      })
      res.on('end', () => (record.error ??= 'stream ended by the server'))
      res.on('error', (error) => (record.error ??= error.message))
    })
    req.end()
  })
}

async function main(): Promise<number> {
  const options = readArgs()
  const server = options.url === undefined ? await startServer(options.interval) : undefined
  const url = options.url ?? server?.url ?? ''
  console.log(
    `load: ${options.clients} clients for ${options.seconds} s against ${url}/stocks` +
      (server ? ` (server started here, one quote every ${options.interval} ms)` : ''),
  )
  // Whatever happens below, this process ends within its bounds.
  const deadline = setTimeout(
    () => {
      console.error('load: hard time limit reached, giving up')
      process.exit(1)
    },
    CONNECT_LIMIT_MS + options.seconds * 1000 + 30_000,
  )
  deadline.unref()

  const clients: Client[] = []
  const connectStarted = performance.now()
  try {
    for (let i = 0; i < options.clients; i += CONNECT_BATCH) {
      const batch = Math.min(CONNECT_BATCH, options.clients - i)
      clients.push(...(await Promise.all(Array.from({ length: batch }, () => connect(url)))))
    }
  } catch (error) {
    console.error(`load: could not connect every client: ${String(error)}`)
    for (const client of clients) client.request.destroy()
    await server?.stop()
    return 1
  }
  const connectMs = Math.round(performance.now() - connectStarted)
  console.log(`load: ${clients.length} clients connected in ${connectMs} ms; running…`)
  const receivedBeforeRun = clients.reduce((sum, client) => sum + client.record.ids.length, 0)

  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000))
  // Stop recording first, so every client is judged over the same moment.
  const records: ClientRecord[] = clients.map((client) => ({
    ...client.record,
    ids: [...client.record.ids],
  }))
  for (const client of clients) client.request.destroy()
  const shutdown = await server?.stop()

  const report = summarize(records)
  const duringRun = report.deliveries - receivedBeforeRun
  const rate = Math.round(duringRun / options.seconds)
  console.log(
    [
      `clients            ${report.clients}`,
      `events to all      ${report.window.events} (ids ${report.window.from}–${report.window.to})`,
      `deliveries in run  ${duringRun} (${rate} events/s written and read)`,
      `clients with gaps  ${report.clientsWithGaps}`,
      `missing events     ${report.clientsMissingWindow} clients`,
      `errors             ${report.clientsWithErrors}`,
      `latency ms         p50 ${report.latencyMs.p50}, p99 ${report.latencyMs.p99}, max ${report.latencyMs.max}`,
      ...(shutdown ? [`server shutdown    exit ${shutdown.code} after ${shutdown.ms} ms`] : []),
      ...report.problems.map((problem) => `problem            ${problem}`),
      `RESULT             ${report.pass ? 'PASS' : 'FAIL'}: every client got every event: ${report.pass}`,
    ].join('\n'),
  )
  return report.pass && (shutdown === undefined || shutdown.code === 0) ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`load: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  },
)
