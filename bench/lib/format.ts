import type { Spread } from './stats'

/** Three significant figures at most: more would claim a precision a shared machine lacks. */
function num(value: number): string {
  if (!Number.isFinite(value)) return '—'
  const abs = Math.abs(value)
  if (abs >= 100) return Math.round(value).toLocaleString('en-US')
  if (abs >= 10) return value.toFixed(1)
  return value.toFixed(2)
}

export function withRange(s: Spread, unit = ''): string {
  if (!Number.isFinite(s.median)) return '—'
  if (s.n < 2) return `${num(s.median)}${unit}`
  return `${num(s.median)}${unit} (${num(s.min)}–${num(s.max)})`
}

export function times(s: Spread): string {
  if (!Number.isFinite(s.median)) return '—'
  if (s.n < 2) return `${s.median.toFixed(2)}×`
  return `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`
}

export function percent(s: Spread): string {
  const p = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(0)} %`
  if (!Number.isFinite(s.median)) return '—'
  if (s.n < 2) return p(s.median)
  return `${p(s.median)} (${p(s.min)} … ${p(s.max)})`
}

export function bytes(value: number): string {
  return `${value.toLocaleString('en-US')} B`
}

export function kib(value: number): string {
  if (Math.abs(value) < 1024) return `${Math.round(value)} B`
  return Math.abs(value) >= 1024 * 1024
    ? `${(value / (1024 * 1024)).toFixed(2)} MiB`
    : `${(value / 1024).toFixed(1)} KiB`
}

/** Text columns (the first `left`) align left, figures right. */
export function markdownTable(
  header: readonly string[],
  rows: readonly string[][],
  left = 1,
): string {
  const align = header.map((_, i) => (i < left ? '---' : '---:'))
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}
