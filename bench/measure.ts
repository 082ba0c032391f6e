// No Node API here: the Chromium run bundles this file into its page.
import type { Clock, Reading } from './clocks'
import { emptyTally, type Chunk, type Competitor, type Tally } from './competitors'

export interface Scenario {
  id: string
  corpus: string
  chunkSize: number
  /** UTF-8 bytes per pass, also when the chunks are strings, so the two modes compare. */
  bytes: number
  separator: string
  chunks: Chunk[]
}

export interface MeasureOptions {
  clock: Clock
  /** Reads every clock; in a page only wall time is real, and `thread` and `cpu` repeat it. */
  read: () => Reading
  warmupMs: number
  /** Each sample repeats whole passes until it lasts about this long, so timer noise stays small. */
  sampleMs: number
  samples: number
  /** Past this, a scenario stops taking samples (keeping at least `minSamples`). */
  scenarioBudgetMs: number
  minSamples: number
}

export interface Measurement {
  /** Median throughput in MB/s (10^6 bytes per second of the chosen clock). */
  mbps: number
  samples: number[]
  passesPerSample: number
  /** Median share of the process' CPU time spent off the main thread (GC, JIT compilers). */
  offThread: number
}

/** Views into the corpus, made before any timing so splitting is never measured. */
export function split(bytes: Uint8Array, chunkSize: number): Uint8Array[] {
  const chunks: Uint8Array[] = []
  for (let at = 0; at < bytes.length; at += chunkSize) {
    chunks.push(bytes.subarray(at, at + chunkSize))
  }
  return chunks
}

/**
 * The corpus decoded up front and cut every `chunkSize` characters, each piece a flat string of
 * its own as a decoder would return, for timing parsers without their decoding.
 */
export function splitText(bytes: Uint8Array, chunkSize: number): string[] {
  const text = new TextDecoder().decode(bytes)
  const encoder = new TextEncoder()
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  const chunks: string[] = []
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + chunkSize, text.length)
    // A surrogate pair stays whole: half of one would not survive the copy below.
    const last = text.charCodeAt(end - 1)
    if (last >= 0xd800 && last <= 0xdbff && end < text.length) end++
    // Re-decoding copies the piece; a slice would keep pointing into the whole corpus.
    chunks.push(decoder.decode(encoder.encode(text.slice(at, end))))
    at = end
  }
  return chunks
}

export function pass(competitor: Competitor, scenario: Scenario, tally: Tally): void {
  const session = competitor.start(tally, scenario.separator)
  const { chunks } = scenario
  for (let i = 0; i < chunks.length; i++) session.feed(chunks[i] as Chunk)
  session.end()
}

function collectGarbage(): void {
  globalThis.gc?.()
}

function timePasses(
  competitor: Competitor,
  scenario: Scenario,
  passes: number,
  read: () => Reading,
): Reading {
  const tally = emptyTally()
  const from = read()
  for (let i = 0; i < passes; i++) pass(competitor, scenario, tally)
  const to = read()
  return { thread: to.thread - from.thread, cpu: to.cpu - from.cpu, wall: to.wall - from.wall }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const upper = sorted[middle] ?? Number.NaN
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2
}

/**
 * Warms every competitor up, then takes samples round-robin, rotating the order each round, so
 * that drift (thermal, other tenants, GC debt) falls on all of them alike.
 */
export function measureScenario(
  competitors: Competitor[],
  scenario: Scenario,
  options: MeasureOptions,
): Map<string, Measurement> {
  const passes = new Map<string, number>()
  for (const competitor of competitors) {
    collectGarbage()
    let fastest = Number.POSITIVE_INFINITY
    let spent = 0
    // Bounded in count as well as time, in case a pass is far faster than the timer resolves.
    for (let i = 0; i < 10_000 && (spent < options.warmupMs || i < 2); i++) {
      const ms = timePasses(competitor, scenario, 1, options.read)[options.clock]
      fastest = Math.min(fastest, ms)
      spent += ms
    }
    passes.set(competitor.id, Math.max(1, Math.ceil(options.sampleMs / Math.max(fastest, 0.001))))
  }

  const samples = new Map<string, number[]>(competitors.map((c) => [c.id, []]))
  const offThread = new Map<string, number[]>(competitors.map((c) => [c.id, []]))
  const started = performance.now()
  for (let round = 0; round < options.samples; round++) {
    if (round >= options.minSamples && performance.now() - started > options.scenarioBudgetMs) {
      break
    }
    for (let k = 0; k < competitors.length; k++) {
      const competitor = competitors[(round + k) % competitors.length] as Competitor
      const count = passes.get(competitor.id) ?? 1
      collectGarbage()
      const time = timePasses(competitor, scenario, count, options.read)
      samples.get(competitor.id)?.push((scenario.bytes * count) / (time[options.clock] * 1000))
      offThread.get(competitor.id)?.push(Math.max(0, 1 - time.thread / time.cpu))
    }
  }

  const results = new Map<string, Measurement>()
  for (const competitor of competitors) {
    const taken = samples.get(competitor.id) ?? []
    results.set(competitor.id, {
      mbps: median(taken),
      samples: taken,
      passesPerSample: passes.get(competitor.id) ?? 1,
      offThread: median(offThread.get(competitor.id) ?? []),
    })
  }
  return results
}
