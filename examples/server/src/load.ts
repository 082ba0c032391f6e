// Bounded load test on loopback: N clients for S seconds, then a verdict on whether every client
// got every event (by quote number continuity). Stops by itself.
//
//   node dist/load.js --clients 1000 --seconds 10
//   node dist/load.js --compare --clients 1000 --seconds 10 --rounds 3
//
// --compare runs, in interleaved rounds, 1 in-memory instance against 2 instances sharing a Redis
// stream (REDIS_URL, or a throwaway redis-server), with the clients split between them.

import { parseArgs } from 'node:util'
import { compare } from './load/compare'
import type { RoundFigures, Spread } from './load/compare'
import { runClients } from './load/load-clients'
import { summarize } from './load/load-report'
import { memoryScenario, redisScenario } from './load/scenarios'
import type { Scenario } from './load/scenarios'
import { hasRedisServer, startThrowawayRedis } from './load/throwaway-redis'
import type { ThrowawayRedis } from './load/throwaway-redis'

const MAX_CLIENTS = 5000
const MAX_SECONDS = 60
const MAX_ROUNDS = 10
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])
const REDIS_INSTANCES = 2

function readArgs() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      clients: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '10' },
      interval: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '3' },
      compare: { type: 'boolean', default: false },
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
  const redisUrl = process.env.REDIS_URL
  if (redisUrl !== undefined && redisUrl !== '' && !LOOPBACK.has(new URL(redisUrl).hostname)) {
    throw new Error('REDIS_URL must be a loopback address for the load comparison')
  }
  return {
    clients: bounded('clients', values.clients, MAX_CLIENTS),
    seconds: bounded('seconds', values.seconds, MAX_SECONDS),
    interval: bounded('interval', values.interval, 60_000),
    rounds: bounded('rounds', values.rounds, MAX_ROUNDS),
    compare: values.compare,
    url: values.url,
  }
}

type Options = ReturnType<typeof readArgs>

/** One measured run against a scenario; prints its report and returns its figures. */
async function measure(label: string, scenario: Scenario, options: Options): Promise<RoundFigures> {
  const run = await runClients(scenario.urls, options.clients, options.seconds)
  const shutdown = await scenario.stop()
  const report = summarize(run.records)
  const rate = Math.round(run.deliveriesInRun / options.seconds)
  const pass = report.pass && shutdown.code === 0
  console.log(
    [
      `${label}`,
      `  clients            ${report.clients} over ${scenario.urls.length} instance(s), connected in ${run.connectMs} ms`,
      `  events to all      ${report.window.events} (quotes ${report.window.from}–${report.window.to})`,
      `  deliveries in run  ${run.deliveriesInRun} (${rate} events/s)`,
      `  gaps / missing / errors  ${report.clientsWithGaps} / ${report.clientsMissingWindow} / ${report.clientsWithErrors}`,
      `  latency ms         p50 ${report.latencyMs.p50}, p99 ${report.latencyMs.p99}, max ${report.latencyMs.max}`,
      `  shutdown           exit ${shutdown.code} after ${shutdown.ms} ms`,
      ...report.problems.map((problem) => `  problem            ${problem}`),
      `  RESULT             ${pass ? 'PASS' : 'FAIL'}`,
    ].join('\n'),
  )
  return { eventsPerSecond: rate, p50: report.latencyMs.p50, p99: report.latencyMs.p99, pass }
}

async function single(options: Options): Promise<boolean> {
  const scenario: Scenario =
    options.url === undefined
      ? await memoryScenario(options.interval)
      : { urls: [options.url], stop: async () => ({ code: 0, ms: 0 }) }
  const figures = await measure(
    `load: ${options.clients} clients for ${options.seconds} s, one quote every ${options.interval} ms`,
    scenario,
    options,
  )
  return figures.pass
}

async function comparison(options: Options): Promise<boolean> {
  let throwaway: ThrowawayRedis | undefined
  let redisUrl = process.env.REDIS_URL ?? ''
  if (redisUrl === '') {
    if (!hasRedisServer())
      throw new Error('set REDIS_URL or install redis-server (scripts/ensure-redis.sh)')
    throwaway = await startThrowawayRedis()
    redisUrl = throwaway.url
  }
  const memory: RoundFigures[] = []
  const redis: RoundFigures[] = []
  try {
    for (let round = 1; round <= options.rounds; round++) {
      const runMemory = async () =>
        memory.push(
          await measure(
            `round ${round}: memory, 1 instance`,
            await memoryScenario(options.interval),
            options,
          ),
        )
      const runRedis = async () =>
        redis.push(
          await measure(
            `round ${round}: Redis, ${REDIS_INSTANCES} instances`,
            await redisScenario(options.interval, redisUrl, REDIS_INSTANCES),
            options,
          ),
        )
      // Alternate which goes first, so a drift in the machine's load favours neither.
      if (round % 2 === 1) await runMemory().then(runRedis)
      else await runRedis().then(runMemory)
    }
  } finally {
    await throwaway?.stop()
  }
  const result = compare(memory, redis)
  const show = (s: Spread, digits = 0) =>
    `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`
  console.log(
    [
      '',
      `${options.clients} clients, ${options.seconds} s per run, one quote every ${options.interval} ms, ${result.rounds} interleaved rounds; median (lowest–highest)`,
      '',
      '| Backend | Instances | Events/s delivered | Latency p50 ms | Latency p99 ms |',
      '| --- | --- | --- | --- | --- |',
      `| memory | 1 | ${show(result.a.eventsPerSecond)} | ${show(result.a.p50)} | ${show(result.a.p99)} |`,
      `| Redis Streams | ${REDIS_INSTANCES} | ${show(result.b.eventsPerSecond)} | ${show(result.b.p50)} | ${show(result.b.p99)} |`,
      `| Redis ÷ memory, per round | | ${show(result.ratio.eventsPerSecond, 2)} | ${show(result.ratio.p50, 2)} | ${show(result.ratio.p99, 2)} |`,
      '',
      `every client got every event in every run: ${result.allPassed}`,
    ].join('\n'),
  )
  return result.allPassed
}

async function main(): Promise<number> {
  const options = readArgs()
  // Whatever happens below, this process ends within its bounds.
  const runs = options.compare ? options.rounds * 2 : 1
  const deadline = setTimeout(
    () => {
      console.error('load: hard time limit reached, giving up')
      process.exit(1)
    },
    runs * (options.seconds * 1000 + 90_000),
  )
  deadline.unref()
  return (options.compare ? await comparison(options) : await single(options)) ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`load: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  },
)
