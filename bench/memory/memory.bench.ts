// Memory: heap after 10 000 connect/disconnect cycles and after 10^6 events through one stream,
// each client in a fresh process with --expose-gc. `pnpm --filter @rivulet/bench bench:memory`.
import { parseCommon } from '../lib/args'
import { finishMachine, machineMarkdown, startMachine } from '../lib/machine'
import { writeSuite } from '../lib/results'
import { startServer } from '../lib/server'
import { startWorker } from '../lib/workers'
import type { CycleReport } from './cycles'
import type { EventsReport } from './events'
import { pause } from './heap'
import { cycleTable, eventsTable, type Leftover } from './memory-report'

const CYCLE_CLIENTS = [
  'rivulet-fetch',
  'rivulet-resubscribe',
  'rivulet-es',
  'eventsource',
  'eventsource-client',
  'fetch-event-source',
  // fetch-event-stream and esp-stream connect and abort exactly as `floor` does (a bare fetch),
  // so their cycles would repeat its row; they run in the 10^6-event test below.
  'floor',
]
const EVENT_CLIENTS = [
  'rivulet-fetch',
  'rivulet-es',
  'eventsource',
  'eventsource-client',
  'fetch-event-source',
  'fetch-event-stream',
  'esp-stream',
  'esp',
  'floor-json',
]

// A smoke run checks the suite works on Rivulet's own paths; the peers' code runs in e2e --quick.
const QUICK_CLIENTS = ['rivulet-fetch', 'rivulet-resubscribe', 'rivulet-es']

const USAGE = `node --expose-gc --import tsx memory/memory.bench.ts [--quick] [--clients id,id] [--no-out]
  [--rounds C] cycles per client (default 10 000, --quick 300)
  [--events N] events through one stream (default 1 000 000, --quick 20 000)
  --quick runs only ${QUICK_CLIENTS.join(', ')} unless --clients says otherwise
Cycles: ${CYCLE_CLIENTS.join(', ')}
Events: ${EVENT_CLIENTS.join(', ')}`

const options = parseCommon(USAGE)
const cycles = options.rounds ?? (options.quick ? 300 : 10_000)
const events = options.events ?? (options.quick ? 20_000 : 1_000_000)
const chosen = (ids: string[]) => {
  const wanted = options.clients.length > 0 ? options.clients : options.quick ? QUICK_CLIENTS : ids
  return ids.filter((id) => wanted.includes(id))
}
// Bounds on each child: a client that hangs costs this much and is reported.
const CYCLES_TIMEOUT_MS = options.quick ? 60_000 : 180_000
const EVENTS_TIMEOUT_MS = options.quick ? 60_000 : 180_000

const machine = startMachine()
const started = performance.now()
const server = await startServer()
const log = (line: string) => console.error(line)

async function inChild<T>(request: Record<string, unknown>, timeoutMs: number) {
  const worker = startWorker(new URL('memory-worker.ts', import.meta.url), [])
  try {
    const report = await worker.request<T>(
      { ...request, origin: server.origin, timeoutMs },
      timeoutMs + 15_000,
    )
    // What the client left open on the server: before its process exits, and after.
    const leftover: Leftover = { streamsWhileAlive: server.openStreams(), streamsAfterExit: 0 }
    worker.stop()
    await pause(300)
    leftover.streamsAfterExit = server.openStreams()
    return { report, leftover }
  } catch (error) {
    worker.stop()
    return { error: String(error) }
  }
}

const cycleResults: {
  client: string
  report?: CycleReport
  leftover?: Leftover
  error?: string
}[] = []
for (const client of chosen(CYCLE_CLIENTS)) {
  const result = await inChild<CycleReport>(
    { test: 'cycles', client, count: cycles },
    CYCLES_TIMEOUT_MS,
  )
  cycleResults.push({ client, ...result })
  log(
    `cycles ${client}: ${'error' in result ? result.error : `${(result.report.ms / cycles).toFixed(2)} ms/cycle`}`,
  )
}
const eventResults: { client: string; report?: EventsReport; error?: string }[] = []
for (const client of chosen(EVENT_CLIENTS)) {
  const result = await inChild<EventsReport>(
    { test: 'events', client, count: events },
    EVENTS_TIMEOUT_MS,
  )
  eventResults.push({ client, ...result })
  log(`events ${client}: ${'error' in result ? result.error : `${result.report.ms.toFixed(0)} ms`}`)
}
await server.close()

const finished = finishMachine(machine)
const report = [
  '## Memory',
  '',
  machineMarkdown(finished, performance.now() - started),
  '',
  `### ${cycles.toLocaleString('en-US')} connect/disconnect cycles`,
  '',
  cycleTable(cycleResults),
  '',
  `### ${events.toLocaleString('en-US')} events through one stream`,
  '',
  eventsTable(eventResults),
  '',
].join('\n')
console.log(report)
if (options.out) {
  const files = await writeSuite(
    'memory',
    options.quick,
    { machine: finished, cycles, events, cycleResults, eventResults },
    report,
  )
  console.error(`wrote ${files.join(', ')}`)
}
