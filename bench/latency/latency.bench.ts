// Delivery latency at a steady 1 000 events/s: the server stamps each event as it writes it,
// each client (in its own process) reads the same clock on arrival. p50 / p99 per client.
// `pnpm --filter @rivulet/bench bench:latency [--quick]`; see the README.
import { randomUUID } from 'node:crypto'
import { nodeClients } from '../clients/node'
import { parseCommon, pick } from '../lib/args'
import { finishMachine, machineMarkdown, startMachine } from '../lib/machine'
import { writeSuite } from '../lib/results'
import { interleave, type Outcome } from '../lib/rounds'
import { startServer } from '../lib/server'
import { startWorker, type Worker } from '../lib/workers'
import type { LatencyPass } from './latency-worker'
import { latencyTable } from './latency-report'

const RATE = 1000
// `floor` parses no JSON, so it cannot read the stamp; `floor-json` is the raw floor here.
const LATENCY_CLIENTS = nodeClients.filter((c) => c.id !== 'floor')

const USAGE = `node --expose-gc --import tsx latency/latency.bench.ts [--quick] [--rounds N] [--events N]
  [--clients id,id] [--no-out]
Full: 3 000 events per pass at ${RATE}/s, 3 rounds. --quick: 300 events, 1 round.
Clients: ${LATENCY_CLIENTS.map((c) => c.id).join(', ')}`

const options = parseCommon(USAGE)
const events = options.events ?? (options.quick ? 300 : 3000)
const rounds = options.rounds ?? (options.quick ? 1 : 3)
const warmupEvents = Math.min(events, options.quick ? 100 : 500)
const clients = pick(LATENCY_CLIENTS, options.clients)
const passTimeoutMs = Math.ceil((events / RATE) * 1000) + 30_000

const machine = startMachine()
const started = performance.now()
const server = await startServer()
const workers = new Map<string, Worker>(
  clients.map((c) => [c.id, startWorker(new URL('latency-worker.ts', import.meta.url), [c.id])]),
)
const log = (line: string) => console.error(line)
const failures: string[] = []

async function pass(id: string, n: number): Promise<Outcome<number[]>> {
  const worker = workers.get(id)
  if (worker === undefined) throw new Error(`no worker ${id}`)
  const passId = randomUUID()
  const url = `${server.origin}/paced?n=${n}&rate=${RATE}&pass=${passId}`
  try {
    const result = await worker.request<LatencyPass>(
      { url, n, timeoutMs: passTimeoutMs },
      passTimeoutMs + 10_000,
    )
    const connections = server.connections(passId)
    const problems = [
      ...result.problems,
      ...(connections === 1 ? [] : [`${connections} connections`]),
    ]
    if (problems.length > 0) return { ok: false, problems }
    return { ok: true, value: result.latencies }
  } catch (error) {
    return { ok: false, problems: [String(error)] }
  }
}

for (const client of clients) {
  const warm = await pass(client.id, warmupEvents)
  if (!warm.ok) failures.push(`warm-up ${client.id}: ${warm.problems.join('; ')}`)
}
const samples = await interleave<number[]>(
  clients.map((c) => c.id),
  rounds,
  async (id, round) => {
    const outcome = await pass(id, events)
    if (!outcome.ok) failures.push(`round ${round + 1} ${id}: ${outcome.problems.join('; ')}`)
    else log(`latency round ${round + 1} ${id}: ${outcome.value.length} events`)
    return outcome
  },
  log,
)
for (const worker of workers.values()) worker.stop()
await server.close()

const { rows, md } = latencyTable(clients, samples)
const finished = finishMachine(machine)
const report = [
  '## Latency',
  '',
  machineMarkdown(finished, performance.now() - started),
  '',
  `${events.toLocaleString('en-US')} events per pass at ${RATE.toLocaleString('en-US')} events/s, ${rounds} round${rounds === 1 ? '' : 's'}; ` +
    'from the server writing an event to the client handing over its parsed payload, ms.',
  '',
  md,
  '',
  failures.length === 0
    ? 'Every pass delivered every event.'
    : `Failures:\n\n${failures.map((f) => `- ${f}`).join('\n')}`,
].join('\n')
console.log(report)
if (options.out) {
  const files = await writeSuite(
    'latency',
    options.quick,
    { machine: finished, events, rounds, rate: RATE, rows, failures },
    report,
  )
  console.error(`wrote ${files.join(', ')}`)
}
process.exitCode = failures.length === 0 ? 0 : 1
