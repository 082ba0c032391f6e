// End to end in Node: a 127.0.0.1 server streams quotes to each client in its own process.
// `pnpm --filter @rivulet/bench bench:e2e [--quick]`; see the README's "End to end in Node".
import { randomUUID } from 'node:crypto'
import { problems } from '../clients/check'
import { expectedConnections, OWN_REQUESTS, passUrl, warmUpLength } from '../clients/memory-fetch'
import { nodeClients } from '../clients/node'
import { parseCommon, pick } from '../lib/args'
import { kib } from '../lib/format'
import { finishMachine, machineMarkdown, startMachine } from '../lib/machine'
import { VARIANTS, type Variant } from '../lib/payloads'
import { writeSuite } from '../lib/results'
import { interleave, type Outcome } from '../lib/rounds'
import { startServer } from '../lib/server'
import type { Sample } from '../lib/throughput'
import { startWorker, type Worker } from '../lib/workers'
import type { ChunkSeen } from './chunks'
import type { NodePass } from './node-worker'
import { nodeReport } from './node-report'

const USAGE = `node --expose-gc --import tsx e2e/node.bench.ts [--quick] [--rounds N] [--events N]
  [--clients id,id] [--memory BYTES] [--no-out]
Full: 200 000 events per pass, 5 rounds (11 in memory), ASCII and UTF-8. --quick: 20 000 events, 2 rounds.
--memory: each body fetched once, then served from memory in chunks of BYTES (the client alone,
no server on the cores); clients that use fetch only.
Clients: ${nodeClients.map((c) => c.id).join(', ')}`

const options = parseCommon(USAGE, { memory: true })
const { memory } = options
const events = options.events ?? (options.quick ? 20_000 : 200_000)
// In memory a pass takes a fraction of a second: more rounds narrow the spread for little time.
const rounds = options.rounds ?? (options.quick ? 2 : memory === undefined ? 5 : 11)
const warmupEvents = Math.min(events, options.quick ? 5_000 : 50_000)
const clients = pick(
  nodeClients.filter((c) => memory === undefined || !OWN_REQUESTS.includes(c.id)),
  options.clients,
)
const PASS_TIMEOUT_MS = options.quick ? 30_000 : 90_000

const machine = startMachine()
const started = performance.now()
const server = await startServer()
for (const variant of VARIANTS) {
  server.prepare(variant, events)
  server.prepare(variant, warmupEvents)
}
const workers = new Map<string, Worker>(
  clients.map((c) => [
    c.id,
    startWorker(new URL('node-worker.ts', import.meta.url), memory ? [c.id, 'memory'] : [c.id]),
  ]),
)

async function pass(id: string, variant: Variant, n: number, chunks: ChunkSeen[], warmUp = false) {
  const passId = randomUUID()
  const url = passUrl(server.origin, variant, n, events, passId, memory)
  const worker = workers.get(id)
  const client = clients.find((c) => c.id === id)
  if (worker === undefined || client === undefined) throw new Error(`no worker ${id}`)
  try {
    const result = await worker.request<NodePass>(
      { url, n, timeoutMs: PASS_TIMEOUT_MS },
      PASS_TIMEOUT_MS + 10_000,
    )
    const found = problems(
      result,
      n,
      client.decodes,
      server.connections(passId),
      expectedConnections(memory, warmUp),
    )
    if (result.errors.length > 0) found.push(`reported: ${result.errors.slice(0, 3).join(' | ')}`)
    if (result.chunks !== undefined) chunks.push({ client: id, ...result.chunks })
    if (result.unsettled) unsettled.add(id)
    return { result, found }
  } catch (error) {
    return { result: undefined, found: [String(error)] }
  }
}

const log = (line: string) => console.error(line)
const data: Record<string, unknown> = { events, rounds, warmupEvents }
const failures: string[] = []
const unsettled = new Set<string>()
const markdown: string[] = []

for (const variant of VARIANTS) {
  const chunks: ChunkSeen[] = []
  // Warm-up: one shorter pass each, so the JIT and the connection pool are past their first use.
  for (const client of clients) {
    const n = warmUpLength(memory, warmupEvents, events)
    const { found } = await pass(client.id, variant, n, [], true)
    if (found.length > 0) failures.push(`${variant} warm-up ${client.id}: ${found.join('; ')}`)
  }
  const samples = await interleave<Sample>(
    clients.map((c) => c.id),
    rounds,
    async (id, round): Promise<Outcome<Sample>> => {
      const { result, found } = await pass(id, variant, events, chunks)
      if (found.length > 0 || result === undefined) {
        failures.push(`${variant} round ${round + 1} ${id}: ${found.join('; ')}`)
        return { ok: false, problems: found }
      }
      log(
        `${variant} round ${round + 1} ${id}: ${((events / result.lastMs) * 1000).toFixed(0)} events/s`,
      )
      return {
        ok: true,
        value: { eps: (events / result.lastMs) * 1000, cpuEps: (events / result.threadMs) * 1000 },
      }
    },
    log,
  )
  const { json, md } = nodeReport(clients, variant, events, samples, chunks)
  data[variant] = json
  markdown.push(md)
}

for (const worker of workers.values()) worker.stop()
await server.close()
const finished = finishMachine(machine)
const report = [
  memory === undefined
    ? '## End to end in Node'
    : `## In memory in Node: the client alone, chunks of ${kib(memory)}`,
  '',
  machineMarkdown(finished, performance.now() - started),
  '',
  ...markdown,
  unsettled.size === 0
    ? ''
    : `Still busy 1 s after \`close()\` in some pass (a read or timer left pending): ${[...unsettled].map((id) => `\`${id}\``).join(', ')}.\n`,
  failures.length === 0
    ? 'Every pass delivered every event exactly once.'
    : `Failures:\n\n${failures.map((f) => `- ${f}`).join('\n')}`,
].join('\n')
console.log(report)
if (options.out) {
  const files = await writeSuite(
    memory === undefined ? 'e2e-node' : 'e2e-node-memory',
    options.quick,
    { machine: finished, ...data, failures },
    report,
  )
  console.error(`wrote ${files.join(', ')}`)
}
process.exitCode = failures.length === 0 ? 0 : 1
