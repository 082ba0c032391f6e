// The tables, ratios and goals of the Node and Chromium runs, and where they are written.
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import os from 'node:os'
import path from 'node:path'
import type { Measurement } from './measure'

export interface Row {
  corpus: string
  chunkSize: number
  results: Map<string, Measurement>
}

/** A ratio of two parsers from the same run: its median over rounds, and the range. */
interface Ratio {
  median: number
  min: number
  max: number
}

/** What issue 9 asks of Rivulet in one cell, and whether this run met it. */
interface Goal {
  /** 1.5× eventsource-parser 4, or 0.8× the floor where 1.5× would pass the floor. */
  required: number
  /** The fastest peer parser: Rivulet must not be slower than any. */
  bestPeer: number
  met: boolean
}

const PEERS = ['esp4', 'esp3', 'fes'] as const
const COLUMNS = [
  ['rivulet', 'rivulet'],
  ['esp4', 'esp 4.x'],
  ['esp3', 'esp 3.x'],
  ['fes', 'fes'],
  ['floor', 'floor'],
  ['floor1', 'floor1'],
  ['lines', 'lines'],
] as const
const RATIOS = [
  ['esp4', '÷ esp 4.x'],
  ['esp3', '÷ esp 3.x'],
  ['fes', '÷ fes'],
  ['floor', '÷ floor'],
  ['lines', '÷ lines'],
] as const

export const LEGEND = [
  'Ratios are medians over rounds of the two parsers measured back to back in each round, with the',
  'range over rounds. esp = eventsource-parser, fed through a streaming TextDecoder; fes = the',
  'parser of @microsoft/fetch-event-source (getLines + getMessages), fed the bytes. floor =',
  'streaming TextDecoder + indexOf of the blank line, counting events without parsing fields;',
  'floor1 = the same with one-shot decodes of each chunk; lines = streaming TextDecoder + indexOf',
  'of every line end, the least a line-based parser pays. goal (issue 9): rivulet ≥ 1.5× esp 4.x,',
  'or ≥ 0.8× floor where 1.5× esp 4.x would pass the floor, and ≥ every peer. Rivulet decodes the',
  'raw bytes itself.',
].join('\n')

export function chunkLabel(size: number): string {
  if (size >= 1024 * 1024 && size % (1024 * 1024) === 0) return `${size / (1024 * 1024)} MiB`
  if (size >= 1024 && size % 1024 === 0) return `${size / 1024} KiB`
  return `${size} B`
}

export function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(0)} KiB`
}

function mbps(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—'
  return value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const upper = sorted[middle] ?? Number.NaN
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2
}

/**
 * `a ÷ b` round by round: both were measured once in every round, back to back, so the ratio of
 * a round is free of the drift between rounds.
 */
function ratioOf(a: Measurement | undefined, b: Measurement | undefined): Ratio | undefined {
  if (a === undefined || b === undefined) return undefined
  const rounds = Math.min(a.samples.length, b.samples.length)
  const ratios: number[] = []
  for (let i = 0; i < rounds; i++) ratios.push((a.samples[i] as number) / (b.samples[i] as number))
  if (ratios.length === 0) return undefined
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) }
}

function ratioCell(ratio: Ratio | undefined): string {
  if (ratio === undefined) return '—'
  return `${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`
}

function goalOf(row: Row): Goal | undefined {
  const get = (id: string): number | undefined => row.results.get(id)?.mbps
  const [rivulet, esp4, floor] = [get('rivulet'), get('esp4'), get('floor')]
  if (rivulet === undefined || esp4 === undefined || floor === undefined) return undefined
  const required = 1.5 * esp4 <= floor ? 1.5 * esp4 : 0.8 * floor
  const bestPeer = Math.max(...PEERS.map((id) => get(id) ?? 0))
  return { required, bestPeer, met: rivulet >= required && rivulet >= bestPeer }
}

function goalCell(row: Row): string {
  const goal = goalOf(row)
  if (goal === undefined) return '—'
  if (goal.met) return 'met'
  const rivulet = row.results.get('rivulet')?.mbps ?? 0
  const missing: string[] = []
  if (rivulet < goal.required) missing.push(`needs ${mbps(goal.required)}`)
  if (rivulet < goal.bestPeer) missing.push(`a peer is at ${mbps(goal.bestPeer)}`)
  return `**no**: ${missing.join(', ')}`
}

export function machineLine(): string {
  const cpus = os.cpus()
  const model = cpus[0]?.model.trim() ?? 'unknown CPU'
  return `${model}, ${cpus.length} cores, Node ${process.version} (V8 ${process.versions.v8}), ${os.platform()} ${os.arch()}`
}

export function commandLine(): string {
  const script = path.relative(process.cwd(), process.argv[1] ?? '')
  return ['node', ...process.execArgv, script, ...process.argv.slice(2)].join(' ')
}

export function table(rows: Row[]): string {
  const present = COLUMNS.filter(([id]) => rows.some((row) => row.results.has(id)))
  const ratios = RATIOS.filter(([id]) => rows.some((row) => row.results.has(id)))
  const header = ['Scenario', 'Chunk', ...present.map(([, label]) => label)]
  header.push(...ratios.map(([, label]) => `rivulet ${label}`), 'goal')
  const lines = [
    `| ${header.join(' | ')} |`,
    `| --- | --- | ${[...present, ...ratios].map(() => '---:').join(' | ')} | --- |`,
  ]
  for (const row of rows) {
    const rivulet = row.results.get('rivulet')
    const cells = [
      row.corpus,
      chunkLabel(row.chunkSize),
      ...present.map(([id]) => mbps(row.results.get(id)?.mbps)),
      ...ratios.map(([id]) => ratioCell(ratioOf(rivulet, row.results.get(id)))),
      goalCell(row),
    ]
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}

/** The noisiest cells, as (max − min) / median of their samples, to judge how far to trust them. */
export function noise(rows: Row[], count: number): string {
  const spreads: { label: string; spread: number }[] = []
  for (const row of rows) {
    for (const [id, measurement] of row.results) {
      const { samples } = measurement
      if (samples.length < 2) continue
      const spread = (Math.max(...samples) - Math.min(...samples)) / measurement.mbps
      spreads.push({ label: `${row.corpus}/${chunkLabel(row.chunkSize)} ${id}`, spread })
    }
  }
  spreads.sort((a, b) => b.spread - a.spread)
  return spreads
    .slice(0, count)
    .map(({ label, spread }) => `${label} ±${((spread / 2) * 100).toFixed(0)} %`)
    .join(', ')
}

/** How many cells met the goal, and which did not. */
export function goalSummary(rows: Row[]): string {
  const judged = rows.filter((row) => goalOf(row) !== undefined)
  const missed = judged.filter((row) => goalOf(row)?.met !== true)
  const list = missed.map((row) => `${row.corpus}/${chunkLabel(row.chunkSize)}`).join(', ')
  return `Goal met in ${judged.length - missed.length} of ${judged.length} cells${
    missed.length > 0 ? `; not in ${list}` : ''
  }.`
}

/** The figures of a run as JSON, for tools: every sample, every ratio, every goal. */
export function rowsJson(rows: Row[]): unknown[] {
  return rows.map((row) => {
    const rivulet = row.results.get('rivulet')
    return {
      corpus: row.corpus,
      chunkSize: row.chunkSize,
      results: Object.fromEntries(row.results),
      ratios: Object.fromEntries(
        RATIOS.map(([id]) => [id, ratioOf(rivulet, row.results.get(id)) ?? null]),
      ),
      goal: goalOf(row) ?? null,
    }
  })
}

/**
 * Replaces the section `name` of a markdown file (between `<!-- name -->` and `<!-- /name -->`),
 * or appends it, so the Node and Chromium runs each rewrite their own part of results.md.
 */
export function writeSection(file: URL, name: string, markdown: string): void {
  let text = ''
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    // A new file.
  }
  const open = `<!-- ${name} -->`
  const close = `<!-- /${name} -->`
  const section = `${open}\n${markdown.trim()}\n${close}`
  const from = text.indexOf(open)
  const to = text.indexOf(close)
  const next =
    from >= 0 && to > from
      ? text.slice(0, from) + section + text.slice(to + close.length)
      : `${text.trimEnd()}${text === '' ? '' : '\n\n'}${section}\n`
  writeFileSync(file, next)
}

/** When the measured build of Rivulet was made: the lead rebuilds often, so figures need a date. */
export function rivuletBuild(core: string | undefined): string {
  if (core !== undefined) return `${core} through tsx`
  try {
    const built = statSync(new URL('../packages/core/dist/index.js', import.meta.url)).mtime
    return `packages/core/dist/index.js built ${built.toISOString()}`
  } catch {
    return 'no build found'
  }
}

/** Writes `value` as JSON, formatted as the repository's Prettier check expects. */
export async function writeJson(file: URL, value: unknown): Promise<void> {
  const config = await resolveConfig(fileURLToPath(file))
  writeFileSync(file, await format(JSON.stringify(value), { ...config, parser: 'json' }))
}
