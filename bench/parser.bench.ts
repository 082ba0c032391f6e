// Parser throughput: Rivulet against eventsource-parser 4.x and 3.x and a decode+indexOf floor.
// Run from the root with `pnpm bench` (`pnpm bench --quick` for a smoke test); see options.ts.
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { loadCompetitors } from './competitors'
import { makeCorpora, type Corpus } from './corpora'
import { measureScenario, split, type MeasureOptions, type Scenario } from './measure'
import { parseOptions, USAGE } from './options'
import { chunkLabel, commandLine, machineLine, noise, sizeLabel, table, type Row } from './report'
import { verify } from './verify'

// Chunks this small cost a call per byte or so; they run on a short prefix of each corpus.
const SMALL_CHUNK = 256

const FULL = {
  corpusBytes: 4 * 1024 * 1024,
  smallCorpusBytes: 256 * 1024,
  measure: { warmupMs: 200, sampleMs: 150, samples: 7, scenarioBudgetMs: 6000, minSamples: 5 },
}
const QUICK = {
  corpusBytes: 512 * 1024,
  smallCorpusBytes: 32 * 1024,
  measure: { warmupMs: 30, sampleMs: 20, samples: 3, scenarioBudgetMs: 500, minSamples: 3 },
}

function scenarioId(corpus: string, chunkSize: number): string {
  return `${corpus}/${chunkLabel(chunkSize).replace(' ', '')}`
}

function loadLabel(): string {
  return (loadavg()[0] ?? 0).toFixed(2)
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

  const loaded = await loadCompetitors(options.coreFromSource)
  if (loaded.missing !== undefined) {
    console.error(`\n!!! Rivulet's parser is not measured: ${loaded.missing}`)
    console.error('!!! Build it first (pnpm --filter @rivulet/core build) or pass --core-src.\n')
    if (options.parsers.includes('rivulet')) return 1
  }
  const competitors = loaded.competitors.filter(
    (c) => options.parsers.length === 0 || options.parsers.includes(c.id),
  )

  const settings = options.quick ? QUICK : FULL
  const measure: MeasureOptions = { ...settings.measure, clock: options.wall ? 'wall' : 'cpu' }
  const wanted = (corpus: string, chunkSize: number): boolean => {
    const id = scenarioId(corpus, chunkSize)
    return options.filters.length === 0 || options.filters.some((f) => id.includes(f))
  }
  const large = makeCorpora(settings.corpusBytes)
  const small = options.chunkSizes.some((size) => size < SMALL_CHUNK)
    ? makeCorpora(settings.smallCorpusBytes)
    : []
  const plan: { corpus: Corpus; chunkSize: number }[] = []
  for (const [index, corpus] of large.entries()) {
    for (const chunkSize of options.chunkSizes) {
      if (!wanted(corpus.name, chunkSize)) continue
      plan.push({ corpus: chunkSize < SMALL_CHUNK ? (small[index] ?? corpus) : corpus, chunkSize })
    }
  }
  if (plan.length === 0) {
    console.error('no scenario matches the filters')
    return 2
  }

  const makeScenario = (corpus: Corpus, chunkSize: number): Scenario => ({
    id: scenarioId(corpus.name, chunkSize),
    corpus: corpus.name,
    chunkSize,
    bytes: corpus.bytes.length,
    separator: corpus.separator,
    chunks: split(corpus.bytes, chunkSize),
  })

  // Every scenario is checked before any is timed, so a wrong parser fails in seconds.
  const problems = plan.flatMap(({ corpus, chunkSize }) =>
    verify(competitors, makeScenario(corpus, chunkSize), corpus.expected),
  )
  if (problems.length > 0) {
    console.error('\n!!!!!!!! MISMATCH: parsers disagree with the corpus; no timing done !!!!!!!!')
    for (const problem of problems) console.error(`!!! ${problem}`)
    return 1
  }
  console.error(`verified ${plan.length} scenarios × ${competitors.length} parsers`)

  const rows: Row[] = []
  for (const { corpus, chunkSize } of plan) {
    const scenario = makeScenario(corpus, chunkSize)
    const results = measureScenario(competitors, scenario, measure)
    rows.push({ corpus: corpus.name, chunkSize, results })
    const summary = [...results].map(([id, m]) => `${id} ${m.mbps.toFixed(1)}`).join(', ')
    console.error(`${scenario.id.padEnd(18)} ${summary} MB/s`)
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(0)
  const corpora = large
    .map((c, i) => {
      const slice = small[i]
      const sliceNote = slice
        ? `, ${sizeLabel(slice.bytes.length)} for chunks < ${SMALL_CHUNK} B`
        : ''
      return `- **${c.name}**: ${c.description}; ${sizeLabel(c.bytes.length)}, ${c.expected.events} events${sliceNote}`
    })
    .join('\n')
  const report = [
    `## Parser throughput (MB/s, median of ${measure.samples} samples)`,
    '',
    `Machine: ${machineLine()}  `,
    `Command: \`${commandLine()}\`  `,
    `Run: ${new Date().toISOString()}, ${seconds} s, load average ${loadAtStart} before, ${loadLabel()} after${options.quick ? ', --quick (indicative only)' : ''}`,
    loaded.missing === undefined ? '' : `\n**Rivulet not measured:** ${loaded.missing}\n`,
    table(rows),
    '',
    `MB/s = 10^6 bytes per second of ${measure.clock === 'cpu' ? 'process CPU time (user + system; steady on a shared machine, equal to wall time on an idle one)' : 'wall-clock time'}.`,
    'esp = eventsource-parser, fed through a streaming TextDecoder; floor = streaming TextDecoder',
    '+ indexOf of the blank line, counting events without parsing fields. Rivulet decodes itself.',
    '',
    corpora,
    '',
    `Noisiest cells: ${noise(rows, 4)}`,
  ].join('\n')
  console.log(`\n${report}`)
  if (options.out !== undefined) {
    writeFileSync(new URL(options.out, import.meta.url), `${report}\n`)
    console.error(`\nwrote ${options.out}`)
  }
  return 0
}

process.exitCode = await main()
