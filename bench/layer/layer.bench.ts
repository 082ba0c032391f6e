// The stream layer alone, in Node and in Chromium: `pnpm --filter @rivulet/bench bench:layer`
// (`--rounds N`, `--events N`). See the README's "The stream layer alone". Prints a table; writes
// no results file.
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { launchChromium } from '../../test-support/chromium'
import { markdownTable, withRange } from '../lib/format'
import { finishMachine, machineMarkdown, startMachine } from '../lib/machine'
import type { Spread } from '../lib/stats'
import { runLayer, type LayerResult } from './layer-run'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    events: { type: 'string', default: '200000' },
  },
  strict: true,
})
const rounds = Number(values.rounds)
const events = Number(values.events)
if (!(rounds >= 3 && rounds <= 100 && events >= 1000 && events <= 2_000_000))
  throw new Error('--rounds 3–100, --events 1000–2000000')

const machine = startMachine()
const started = performance.now()
const rows: [string, string, LayerResult][] = []
for (const json of [false, true])
  rows.push(['Node', json ? 'JSON.parse' : 'none', await runLayer(events, rounds, json)])

const bundle = await build({
  entryPoints: [fileURLToPath(new URL('layer-run.ts', import.meta.url))],
  bundle: true,
  write: false,
  minify: true,
  format: 'iife',
  globalName: 'layer',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'silent',
})
const browser = await launchChromium()
machine.chromium = browser.version()
try {
  const page = await browser.newPage()
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' })
  for (const json of [false, true]) {
    const result = await page.evaluate(
      ([n, r, j]) =>
        (globalThis as unknown as { layer: { runLayer: typeof runLayer } }).layer.runLayer(n, r, j),
      [events, rounds, json] as const,
    )
    rows.push(['Chromium', json ? 'JSON.parse' : 'none', result])
  }
} finally {
  await browser.close()
}

const ns = (s: Spread) =>
  withRange(
    { ...s, median: Math.round(s.median), min: Math.round(s.min), max: Math.round(s.max) },
    ' ns',
  )
const report = [
  '## The stream layer alone',
  '',
  machineMarkdown(finishMachine(machine), performance.now() - started),
  '',
  `${events.toLocaleString('en-US')} events already parsed, in messages of 256, ${rounds} rounds; per event, median (min–max) over rounds.`,
  '"A stream a round" is made afresh for each round, as the end-to-end suites make one a pass (in Node after a full collection, which throws away code optimised for the last one); "one kept stream" is connected once and handed every round, as an app keeps its stream.',
  '',
  markdownTable(
    [
      'Where',
      'decode',
      'bare loop',
      'a stream a round',
      'it adds (paired)',
      'one kept stream',
      'it adds (paired)',
    ],
    rows.map(([where, decode, r]) => [
      where,
      decode,
      ns(r.bare),
      ns(r.stream),
      ns(r.over),
      ns(r.kept),
      ns(r.keptOver),
    ]),
    2,
  ),
].join('\n')
console.log(report)
