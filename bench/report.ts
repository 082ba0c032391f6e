import { statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Measurement } from './measure'

export interface Row {
  corpus: string
  chunkSize: number
  results: Map<string, Measurement>
}

export function chunkLabel(size: number): string {
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

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) return '—'
  return `${(a / b).toFixed(2)}×`
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
  const lines = [
    '| Scenario | Chunk | rivulet | esp 4.x | esp 3.x | floor | floor1 | rivulet / esp 4.x | rivulet / esp 3.x | rivulet / floor | esp 4.x / floor | rivulet / floor1 |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const row of rows) {
    const get = (id: string): number | undefined => row.results.get(id)?.mbps
    const [rivulet, esp4, esp3] = [get('rivulet'), get('esp4'), get('esp3')]
    const [floor, floor1] = [get('floor'), get('floor1')]
    const cells = [
      row.corpus,
      chunkLabel(row.chunkSize),
      mbps(rivulet),
      mbps(esp4),
      mbps(esp3),
      mbps(floor),
      mbps(floor1),
      ratio(rivulet, esp4),
      ratio(rivulet, esp3),
      ratio(rivulet, floor),
      ratio(esp4, floor),
      ratio(rivulet, floor1),
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
