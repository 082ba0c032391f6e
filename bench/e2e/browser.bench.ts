// End to end in Chromium: each client in a page of its own, streaming from a 127.0.0.1 server.
// `pnpm --filter @rivulet/bench bench:browser [--quick]`; see the README.
import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession, Page } from 'playwright-core'
import { launchChromium } from '../../test-support/chromium'
import { problems } from '../clients/check'
import { BROWSER_CLIENT_IDS } from '../clients/browser'
import { expectedConnections, OWN_REQUESTS, passUrl, warmUpLength } from '../clients/memory-fetch'
import { kib } from '../lib/format'
import type { PassResult } from '../clients/pass'
import { parseCommon, pick } from '../lib/args'
import { finishMachine, machineMarkdown, startMachine } from '../lib/machine'
import { VARIANTS, type Variant } from '../lib/payloads'
import { writeSuite } from '../lib/results'
import { interleave, type Outcome } from '../lib/rounds'
import { startServer } from '../lib/server'
import type { Sample } from '../lib/throughput'
import { pageAssets } from './browser-bundle'
import { browserReport } from './browser-report'
import type { ChunkSeen } from './chunks'

const USAGE = `node --import tsx e2e/browser.bench.ts [--quick] [--rounds N] [--events N]
  [--clients id,id] [--memory BYTES] [--profile DIR] [--no-out]
Full: 100 000 events per pass, 4 rounds (8 in memory), ASCII and UTF-8. --quick: 10 000 events, 2 rounds.
--memory: each body fetched once, then served from memory in chunks of BYTES (the client alone,
no server on the cores); clients that use fetch only.
--profile: save each client's CPU profile of its timed rounds, one file per corpus, in DIR
(function names kept; summarize with profile-summary.ts --all).
Clients: ${BROWSER_CLIENT_IDS.join(', ')}`

const options = parseCommon(USAGE, { memory: true, profile: true })
const { memory } = options
const events = options.events ?? (options.quick ? 10_000 : 100_000)
// 4 rounds, not 5 as in Node: native EventSource and fetch-event-stream take 5–20 s a pass
// here, and the whole suite is meant to stay within about 15 minutes.
const rounds = options.rounds ?? (options.quick ? 2 : memory === undefined ? 4 : 8)
const warmupEvents = Math.min(events, options.quick ? 2_000 : 10_000)
const clients = pick(
  BROWSER_CLIENT_IDS.filter((id) => memory === undefined || !OWN_REQUESTS.includes(id)).map(
    (id) => ({ id, label: id }),
  ),
  options.clients,
)
const PASS_TIMEOUT_MS = options.quick ? 30_000 : 90_000

const machine = startMachine()
const started = performance.now()
const server = await startServer(await pageAssets({ names: options.profile !== undefined }))
for (const variant of VARIANTS) {
  server.prepare(variant, events)
  server.prepare(variant, warmupEvents)
}
const browser = await launchChromium()
machine.chromium = browser.version()
const log = (line: string) => console.error(line)
const failures: string[] = []
const unsettled = new Set<string>()
const data: Record<string, unknown> = { events, rounds, warmupEvents }
const markdown: string[] = []

try {
  // A context each: no cache, connection pool or renderer shared between clients.
  const pages = new Map<string, Page>()
  const profilers = new Map<string, CDPSession>()
  for (const { id } of clients) {
    const context = await browser.newContext()
    const page = await context.newPage()
    page.on('pageerror', (error) => failures.push(`${id} page error: ${error.message}`))
    await page.goto(`${server.origin}/`)
    await page.waitForFunction(() => typeof window.benchRun === 'function')
    pages.set(id, page)
    if (options.profile !== undefined) profilers.set(id, await context.newCDPSession(page))
  }

  const pass = async (
    id: string,
    variant: Variant,
    n: number,
    chunks: ChunkSeen[],
    warmUp = false,
  ) => {
    const page = pages.get(id)
    if (page === undefined) throw new Error(`no page ${id}`)
    const passId = randomUUID()
    const url = passUrl('', variant, n, events, passId, memory)
    try {
      // A page in the background may have its timers throttled.
      await page.bringToFront()
      const result: PassResult = await page.evaluate(
        ([id, url, n, timeout]) => window.benchRun(id, url, n, timeout),
        [id, url, n, PASS_TIMEOUT_MS] as const,
      )
      const client = { decodes: id !== 'floor' }
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

  for (const variant of VARIANTS) {
    const chunks: ChunkSeen[] = []
    for (const { id } of clients) {
      const n = warmUpLength(memory, warmupEvents, events)
      const { found } = await pass(id, variant, n, [], true)
      if (found.length > 0) failures.push(`${variant} warm-up ${id}: ${found.join('; ')}`)
    }
    for (const cdp of profilers.values()) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
      await cdp.send('Profiler.start')
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
        const eps = (events / result.lastMs) * 1000
        log(`browser ${variant} round ${round + 1} ${id}: ${eps.toFixed(0)} events/s`)
        return { ok: true, value: { eps } }
      },
      log,
    )
    for (const [id, cdp] of profilers) {
      const { profile } = await cdp.send('Profiler.stop')
      const dir = options.profile ?? '.'
      mkdirSync(dir, { recursive: true })
      const file = join(dir, `${id}-${variant}.cpuprofile`)
      writeFileSync(file, JSON.stringify(profile))
      log(`profile: ${file}`)
    }
    const { json, md } = browserReport(clients, variant, events, samples, chunks)
    data[variant] = json
    markdown.push(md)
  }
} finally {
  await browser.close()
  await server.close()
}

const finished = finishMachine(machine)
const report = [
  memory === undefined
    ? '## End to end in Chromium'
    : `## In memory in Chromium: the client alone, chunks of ${kib(memory)}`,
  '',
  machineMarkdown(finished, performance.now() - started),
  '',
  ...markdown,
  unsettled.size === 0
    ? ''
    : `Still busy 1 s after \`close()\` in some pass: ${[...unsettled].map((id) => `\`${id}\``).join(', ')}.\n`,
  failures.length === 0
    ? 'Every pass delivered every event exactly once.'
    : `Failures:\n\n${failures.map((f) => `- ${f}`).join('\n')}`,
].join('\n')
console.log(report)
if (options.out) {
  const files = await writeSuite(
    memory === undefined ? 'e2e-browser' : 'e2e-browser-memory',
    options.quick,
    { machine: finished, ...data, failures, unsettled: [...unsettled] },
    report,
  )
  console.error(`wrote ${files.join(', ')}`)
}
process.exitCode = failures.length === 0 ? 0 : 1
