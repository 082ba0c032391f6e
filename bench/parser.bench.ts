// Parser throughput: Rivulet against eventsource-parser 4.x and 3.x and a decode+indexOf floor.
// Run from the root with `pnpm bench` (`pnpm bench --quick` for a smoke test); see options.ts.
import { loadavg } from 'node:os'
import { read } from './clocks'
import { loadCompetitors, type Competitor } from './competitors'
import { measureInChildWithRetry, sendToParent } from './isolate'
import { measureScenario, type Measurement, type MeasureOptions } from './measure'
import { childArgs, parseOptions, USAGE, type Options } from './options'
import {
  commandLine,
  goalSummary,
  LEGEND,
  machineLine,
  noise,
  rivuletBuild,
  rowsJson,
  table,
  writeJson,
  writeSection,
  type Row,
} from './report'
import { buildScenario, corporaLegend, corpusFor, FULL, plan, QUICK } from './scenarios'
import { verify } from './verify'

// A child that takes longer than this is stuck; the parent reports it and goes on.
const CHILD_TIMEOUT_MS = 120_000

const CLOCK_NAMES = {
  thread: 'main-thread CPU time (close to wall time on an idle machine, whatever else runs here)',
  cpu: 'process CPU time (user + system, all threads)',
  wall: 'wall-clock time',
}

/** Per parser, the median over scenarios of its off-main-thread CPU share. */
function offThreadLine(rows: Row[]): string {
  const ids = [...new Set(rows.flatMap((row) => [...row.results.keys()]))]
  return ids
    .map((id) => {
      const shares = rows.map((row) => row.results.get(id)?.offThread ?? Number.NaN)
      const sorted = shares.filter((share) => !Number.isNaN(share)).sort((a, b) => a - b)
      const middle = sorted[sorted.length >> 1] ?? Number.NaN
      return `${id} ${(middle * 100).toFixed(0)} %`
    })
    .join(', ')
}

function loadLabel(): string {
  return (loadavg()[0] ?? 0).toFixed(2)
}

function measureOptions(options: Options): MeasureOptions {
  return { ...(options.quick ? QUICK : FULL).measure, clock: options.clock, read }
}

async function selectCompetitors(
  options: Options,
): Promise<{ competitors: Competitor[]; missing: string | undefined }> {
  const loaded = await loadCompetitors(options.core)
  const competitors = loaded.competitors.filter(
    (c) =>
      (options.parsers.length === 0 || options.parsers.includes(c.id)) &&
      (c.takesStrings || !options.strings),
  )
  return { competitors, missing: loaded.missing }
}

/** In a child: measure the one scenario named by --child and hand the figures back. */
async function child(options: Options, id: string): Promise<number> {
  const settings = options.quick ? QUICK : FULL
  const planned = plan(settings, options.chunkSizes, []).find((p) => p.id === id)
  if (planned === undefined) {
    console.error(`child: no scenario ${id}`)
    return 2
  }
  const { competitors, missing } = await selectCompetitors(options)
  const absent = options.parsers.filter((id) => !competitors.some((c) => c.id === id))
  if (absent.length > 0) {
    // Typically core's dist/ being rebuilt by someone else at this moment; the parent retries.
    console.error(
      `child: cannot load ${absent.join(', ')}${missing === undefined ? '' : `: ${missing}`}`,
    )
    return 3
  }
  sendToParent(
    measureScenario(competitors, buildScenario(planned, options.strings), measureOptions(options)),
  )
  return 0
}

async function main(): Promise<number> {
  const started = performance.now()
  // Other work on the machine skews every figure; the load average says how much to worry.
  const loadAtStart = loadLabel()
  const options = parseOptions(process.argv.slice(2))
  if ('error' in options) {
    console.error(`${options.error}\n\n${USAGE}`)
    return 2
  }
  if (typeof globalThis.gc !== 'function') {
    console.warn('warning: run with --expose-gc so collections happen between samples, not in them')
  }
  if (options.child !== undefined) return child(options, options.child)

  const { competitors, missing } = await selectCompetitors(options)
  if (missing !== undefined) {
    console.error(`\n!!! Rivulet's parser is not measured: ${missing}`)
    console.error('!!! Build it first (pnpm --filter @rivulet/core build) or pass --core-src.\n')
    if (options.parsers.includes('rivulet')) return 1
  }

  const settings = options.quick ? QUICK : FULL
  const measure = measureOptions(options)
  const planned = plan(settings, options.chunkSizes, options.filters)
  if (planned.length === 0) {
    console.error('no scenario matches the filters')
    return 2
  }

  // Every scenario is checked before any is timed, so a wrong parser fails in seconds.
  const problems = planned.flatMap((p) =>
    verify(competitors, buildScenario(p, options.strings), corpusFor(p).expected),
  )
  if (problems.length > 0) {
    console.error('\n!!!!!!!! MISMATCH: parsers disagree with the corpus; no timing done !!!!!!!!')
    for (const problem of problems) console.error(`!!! ${problem}`)
    return 1
  }
  console.error(`verified ${planned.length} scenarios × ${competitors.length} parsers`)

  const ids = competitors.map((c) => c.id)
  const buildAtStart = rivuletBuild(options.core)
  const rows: Row[] = []
  for (const p of planned) {
    let results: Map<string, Measurement>
    if (options.isolate) {
      const args = childArgs(options, p.id, p.chunkSize, ids)
      const measured = measureInChildWithRetry(args, CHILD_TIMEOUT_MS, 3, 5000)
      if ('error' in measured) {
        console.error(`!!! ${p.id}: child ${measured.error}`)
        return 1
      }
      results = measured
    } else {
      results = measureScenario(competitors, buildScenario(p, options.strings), measure)
    }
    rows.push({ corpus: p.corpus, chunkSize: p.chunkSize, results })
    const summary = [...results].map(([id, m]) => `${id} ${m.mbps.toFixed(1)}`).join(', ')
    console.error(`${p.id.padEnd(18)} ${summary} MB/s`)
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(0)
  const run = `${new Date().toISOString()}, ${seconds} s, load average ${loadAtStart} before, ${loadLabel()} after`
  const report = [
    `## Node: parser throughput${options.strings ? ', parsing alone (--strings)' : ''} (MB/s, median of ${measure.samples} rounds)`,
    '',
    `Machine: ${machineLine()}  `,
    `Command: \`${commandLine()}\`  `,
    `Rivulet: ${buildAtStart}  `,
    ...(buildAtStart === rivuletBuild(options.core)
      ? []
      : [
          `**Rivulet was rebuilt during the run** (now ${rivuletBuild(options.core)}): rows may mix builds.  `,
        ]),
    `Run: ${run}${options.quick ? ', --quick (indicative only)' : ''}`,
    ...(missing === undefined ? [''] : ['', `**Rivulet not measured:** ${missing}`, '']),
    table(rows),
    '',
    goalSummary(rows),
    '',
    `MB/s = 10^6 bytes per second of ${CLOCK_NAMES[measure.clock]}; ${
      options.isolate ? 'each scenario in a fresh process' : 'all scenarios in one process'
    }. Off-main-thread CPU (GC and JIT threads), median share: ${offThreadLine(rows)}.`,
    options.strings
      ? `${LEGEND} --strings: every parser and floor got pre-decoded text, so no decoding was timed.`
      : LEGEND,
    '',
    corporaLegend(planned),
    '',
    `Noisiest cells: ${noise(rows, 4)}`,
  ].join('\n')
  console.log(`\n${report}`)
  if (options.out !== undefined) {
    const out = new URL(options.out, import.meta.url)
    // Parsing alone (--strings) has a section and a JSON file of its own.
    const kind = options.strings ? 'node-strings' : 'node'
    writeSection(out, `parser-${kind}`, report)
    const json = new URL(`${options.out.replace(/\.md$/, '')}.${kind}.json`, import.meta.url)
    const figures = {
      machine: machineLine(),
      command: commandLine(),
      rivulet: buildAtStart,
      run,
      clock: measure.clock,
      strings: options.strings,
      rows: rowsJson(rows),
    }
    await writeJson(json, figures)
    console.error(`\nwrote ${options.out} (section parser-${kind}) and its .${kind}.json`)
  }
  return 0
}

process.exitCode = await main()
