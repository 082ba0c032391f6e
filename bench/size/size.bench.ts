// Bundle sizes, min+gzip as an app bundles them: Rivulet's entry points (scripts/size.mjs, the
// same measure the size budgets use) beside every peer. Deterministic, so one pass suffices.
// `pnpm --filter @rivulet/bench bench:size`; see the README.
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { parseCommon } from '../lib/args'
import { bytes, markdownTable } from '../lib/format'
import { finishMachine, machineMarkdown, startMachine } from '../lib/machine'
import { writeSuite } from '../lib/results'

interface Entry {
  name: string
  code: string
  dir?: string
  external?: string[]
}
interface Size {
  name: string
  min: number
  gzip: number
  /** Chunks that load only when a feature asks for them (none of Rivulet's today). */
  lazyGzip?: number
}
interface SizeScript {
  entries: Entry[]
  measure(entry: Entry): Promise<Size>
}

const USAGE = 'node --import tsx size/size.bench.ts [--quick] [--no-out]  (--quick changes nothing)'
const options = parseCommon(USAGE)
const machine = startMachine()
const started = performance.now()

// Loaded by URL: it is plain JavaScript without types, shared with the size budget test.
const script = new URL('../../scripts/size.mjs', import.meta.url).href
const { entries, measure } = (await import(script)) as SizeScript

/** Every peer as its README imports it, resolved from this package's node_modules. */
const PEERS: Entry[] = [
  { name: 'eventsource (EventSource)', code: "export { EventSource } from 'eventsource'" },
  {
    name: 'eventsource-client (createEventSource)',
    code: "export { createEventSource } from 'eventsource-client'",
  },
  {
    name: '@microsoft/fetch-event-source (fetchEventSource)',
    code: "export { fetchEventSource } from '@microsoft/fetch-event-source'",
  },
  {
    name: 'fetch-event-stream (events, stream)',
    code: "export { events, stream } from 'fetch-event-stream'",
  },
  {
    name: 'eventsource-parser 4 (createParser)',
    code: "export { createParser } from 'eventsource-parser'",
  },
  {
    name: 'eventsource-parser/stream (EventSourceParserStream)',
    code: "export { EventSourceParserStream } from 'eventsource-parser/stream'",
  },
].map((peer) => ({ ...peer, dir: 'bench' }))

/**
 * What an app that does not otherwise use RxJS ships: the same build with rxjs bundled.
 * measure() keeps rxjs external, as the budgets do, so this one row builds on its own.
 */
async function withRxjs(name: string, code: string): Promise<Size> {
  const result = await build({
    stdin: {
      contents: code,
      resolveDir: new URL('../../packages/core', import.meta.url).pathname,
      loader: 'js',
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]?.contents ?? new Uint8Array()
  return { name, min: output.length, gzip: gzipSync(output, { level: 9 }).length }
}

/** A package that is not built yet gets a row saying so rather than ending the suite. */
async function tryMeasure(entry: Entry): Promise<Size | { name: string; error: string }> {
  try {
    return await measure(entry)
  } catch (error) {
    return {
      name: entry.name,
      error: String((error as Error).message ?? error).split('\n')[0] ?? '',
    }
  }
}

const rivulet: (Size | { name: string; error: string })[] = []
for (const entry of entries) rivulet.push(await tryMeasure(entry))
rivulet.push(
  await withRxjs(
    'createEventStream with the rxjs it uses bundled, in one file',
    "export { createEventStream } from '@rivulet/core'",
  ),
)
const peers: (Size | { name: string; error: string })[] = []
for (const entry of PEERS) peers.push(await tryMeasure(entry))

const GOALS: Record<string, number> = {
  '@rivulet/core (everything)': 4000,
  createEventStream: 4000,
  '@rivulet/core/parser createParser': 1800,
  '@rivulet/react (everything)': 1000,
  '@rivulet/vue (everything)': 1000,
}

const row = (size: Size | { name: string; error: string }, who: string) => {
  if ('error' in size) return [size.name, who, '—', '—', '—', `not measured: ${size.error}`]
  const goal = GOALS[size.name]
  return [
    size.name,
    who,
    bytes(size.min),
    bytes(size.gzip),
    size.lazyGzip ? `+${bytes(size.lazyGzip)}` : '',
    goal === undefined ? '' : `≤ ${bytes(goal)}: ${size.gzip <= goal ? 'met' : 'not met'}`,
  ]
}

const finished = finishMachine(machine)
const report = [
  '## Bundle size',
  '',
  machineMarkdown(finished, performance.now() - started),
  '',
  'esbuild, minified ESM for the browser (es2022), then gzip -9; rxjs, react and vue external',
  'unless the row says otherwise; a peer includes its dependencies (eventsource-client and',
  'eventsource bundle eventsource-parser 3). "On demand": chunks split off by dynamic import,',
  'loaded only when a feature asks for them. A `createEventStream + …` row is the stream with one',
  'optional feature imported and named: the difference to `createEventStream` is what it costs.',
  '',
  markdownTable(
    ['Entry', 'Package', 'min', 'min+gzip', 'on demand, min+gzip', 'Goal (issue 9)'],
    [...rivulet.map((s) => row(s, 'Rivulet')), ...peers.map((s) => row(s, 'peer'))],
    2,
  ),
  '',
].join('\n')
console.log(report)
if (options.out) {
  const files = await writeSuite(
    'size',
    options.quick,
    { machine: finished, rivulet, peers },
    report,
  )
  console.error(`wrote ${files.join(', ')}`)
}
