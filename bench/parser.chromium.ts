// The parser benchmark in real Chromium: the same scenarios, competitors and rounds as
// parser.bench.ts, bundled into a page served from 127.0.0.1, one fresh browser context per
// scenario. Run from the root with `pnpm bench:parser:chromium` (flags as for the Node run).
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadavg } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium, type Browser } from 'playwright-core'
import { COMPETITOR_IDS } from './competitors'
import type { Measurement } from './measure'
import { CORE_SOURCE, parseOptions, USAGE } from './options'
import type { PageResult, PageRun } from './parser-page'
import {
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
import { corporaLegend, corpusFor, FULL, plan, QUICK, SMALL_CHUNK } from './scenarios'

// The flags of test-support/chromium.ts (no background traffic, no sandbox as root), and a
// collector the page can call between samples, as the Node run does.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--js-flags=--expose-gc',
]
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Chromium tiers code up through Maglev to TurboFan over several passes (a 4 MiB pass of
// Rivulet's parser ran at a third of its speed for the first ten): warm every parser longer.
const WARMUP_MS = 1000
// A scenario that takes longer than this is reported as stuck and the run goes on (fes on 1 B
// chunks of the big corpus is quadratic: a pass took seconds).
const SCENARIO_TIMEOUT_MS = 600_000

// fes copies the partial line at every chunk: 64 KiB lines in 1 B chunks are quadratic (0.13 MB/s
// in Node), and a Chromium page under load ran past any sensible timeout on them.
function skipped(corpus: string, chunkSize: number, id: string): boolean {
  return id === 'fes' && corpus === 'big' && chunkSize < SMALL_CHUNK
}

async function bundle(core: string | undefined): Promise<string> {
  const entry = fileURLToPath(new URL('./parser-page.ts', import.meta.url))
  const source = fileURLToPath(new URL('../packages/core/src/parser.ts', import.meta.url))
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
    // --core-src takes Rivulet from its sources; otherwise the built package, as users get it.
    alias:
      core === undefined
        ? {}
        : { '@rivulet/core/parser': core === CORE_SOURCE ? source : fileURLToPath(core) },
  })
  return result.outputFiles?.[0]?.text ?? ''
}

function serve(script: string, corpora: Map<string, Uint8Array>): Promise<Server> {
  const server = createServer((request, response) => {
    // Cross-origin isolation gives the page performance.now() at 5 µs instead of 100 µs.
    const headers = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    }
    const url = request.url ?? '/'
    const corpus = corpora.get(url)
    if (url === '/') {
      response.writeHead(200, { ...headers, 'content-type': 'text/html' })
      response.end('<!doctype html><script type="module" src="/page.js"></script>')
    } else if (url === '/page.js') {
      response.writeHead(200, { ...headers, 'content-type': 'text/javascript' })
      response.end(script)
    } else if (corpus !== undefined) {
      response.writeHead(200, { ...headers, 'content-type': 'application/octet-stream' })
      response.end(corpus)
    } else {
      response.writeHead(404, headers).end()
    }
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

async function runInPage(
  browser: Browser,
  origin: string,
  run: PageRun,
  profile: string | undefined,
): Promise<PageResult> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${origin}/`)
    await page.waitForFunction(() => 'runScenario' in globalThis)
    const cdp = profile === undefined ? undefined : await context.newCDPSession(page)
    await cdp?.send('Profiler.enable')
    await cdp?.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp?.send('Profiler.start')
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), SCENARIO_TIMEOUT_MS)
    })
    const result = page.evaluate(
      (pageRun) =>
        (globalThis as unknown as { runScenario: (r: PageRun) => Promise<PageResult> }).runScenario(
          pageRun,
        ),
      run,
    )
    try {
      return await Promise.race([result, timeout])
    } finally {
      clearTimeout(timer)
      if (cdp !== undefined && profile !== undefined) {
        const { profile: taken } = await cdp.send('Profiler.stop')
        mkdirSync(profile, { recursive: true })
        const file = path.join(profile, `${run.id.replace('/', '-')}.cpuprofile`)
        writeFileSync(file, JSON.stringify(taken))
        console.error(`profile: ${file}`)
      }
    }
  } finally {
    await context.close()
  }
}

async function main(): Promise<number> {
  const started = performance.now()
  const loadAtStart = (loadavg()[0] ?? 0).toFixed(2)
  const options = parseOptions(process.argv.slice(2))
  if ('error' in options) {
    console.error(`${options.error}\n\n${USAGE}`)
    return 2
  }
  const settings = options.quick ? QUICK : FULL
  const planned = plan(settings, options.chunkSizes, options.filters)
  if (planned.length === 0) {
    console.error('no scenario matches the filters')
    return 2
  }
  const parsers = options.parsers.length > 0 ? options.parsers : [...COMPETITOR_IDS]

  const corpora = new Map<string, Uint8Array>()
  for (const p of planned) corpora.set(`/corpus/${p.corpus}/${p.corpusBytes}`, corpusFor(p).bytes)
  const server = await serve(await bundle(options.core), corpora)
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const version = `Chromium ${browser.version()}`
  const rows: Row[] = []
  const stuck: string[] = []
  try {
    for (const p of planned) {
      const corpus = corpusFor(p)
      let result: PageResult
      try {
        result = await runInPage(
          browser,
          origin,
          {
            id: p.id,
            corpus: p.corpus,
            chunkSize: p.chunkSize,
            corpusUrl: `/corpus/${p.corpus}/${p.corpusBytes}`,
            separator: corpus.separator,
            expected: corpus.expected,
            parsers: parsers.filter((id) => !skipped(p.corpus, p.chunkSize, id)),
            strings: options.strings,
            measure: {
              ...settings.measure,
              warmupMs: Math.max(settings.measure.warmupMs, WARMUP_MS),
            },
          },
          options.profile,
        )
      } catch (error) {
        console.error(`!!! ${p.id}: ${(error as Error).message}; going on`)
        stuck.push(p.id)
        continue
      }
      if ('problems' in result) {
        console.error('\n!!!!!!!! MISMATCH in Chromium: parsers disagree with the corpus !!!!!!!!')
        for (const problem of result.problems) console.error(`!!! ${problem}`)
        return 1
      }
      const results = new Map<string, Measurement>(result.results)
      rows.push({ corpus: p.corpus, chunkSize: p.chunkSize, results })
      const summary = [...results].map(([id, m]) => `${id} ${m.mbps.toFixed(1)}`).join(', ')
      console.error(`${p.id.padEnd(18)} ${summary} MB/s`)
    }
  } finally {
    await browser.close()
    await new Promise((resolve) => server.close(resolve))
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(0)
  const run = `${new Date().toISOString()}, ${seconds} s, load average ${loadAtStart} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`
  const command =
    `pnpm --filter @rivulet/bench bench:parser:chromium ${process.argv.slice(2).join(' ')}`.trim()
  const report = [
    `## Chromium: parser throughput${options.strings ? ', parsing alone (--strings)' : ''} (MB/s, median of ${settings.measure.samples} rounds)`,
    '',
    `Browser: ${version}, headless, on ${machineLine()}  `,
    `Command: \`${command}\`  `,
    `Rivulet: ${rivuletBuild(options.core)}, bundled with esbuild for the browser (its browser build: TextDecoder alone)  `,
    `Run: ${run}${options.quick ? ', --quick (indicative only)' : ''}`,
    '',
    table(rows),
    '',
    goalSummary(rows),
    `fes is not run on the big corpus in chunks under ${SMALL_CHUNK} B: it copies the partial line at every chunk, quadratic on 64 KiB lines.`,
    ...(stuck.length > 0
      ? [
          '',
          `**Not measured** (no result within ${SCENARIO_TIMEOUT_MS / 1000} s): ${stuck.join(', ')}.`,
        ]
      : []),
    '',
    'MB/s = 10^6 bytes per second of wall time (performance.now() in a cross-origin-isolated page);',
    'each scenario in a fresh browser context. ' +
      (options.strings
        ? `${LEGEND} --strings: every parser and floor got pre-decoded text, so no decoding was timed.`
        : LEGEND),
    '',
    corporaLegend(planned),
    '',
    `Noisiest cells: ${noise(rows, 4)}`,
  ].join('\n')
  console.log(`\n${report}`)
  if (options.out !== undefined) {
    const out = new URL(options.out, import.meta.url)
    // Parsing alone (--strings) has a section and a JSON file of its own.
    const kind = options.strings ? 'chromium-strings' : 'chromium'
    writeSection(out, `parser-${kind}`, report)
    const json = new URL(`${options.out.replace(/\.md$/, '')}.${kind}.json`, import.meta.url)
    const figures = { browser: version, machine: machineLine(), command, run, rows: rowsJson(rows) }
    await writeJson(json, figures)
    console.error(`\nwrote ${options.out} (section parser-${kind}) and its .${kind}.json`)
  }
  return 0
}

process.exitCode = await main()
