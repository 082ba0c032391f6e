/** The value at fraction `q` of the sorted samples, interpolating between neighbours. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const at = (sorted.length - 1) * q
  const below = sorted[Math.floor(at)] ?? Number.NaN
  const above = sorted[Math.ceil(at)] ?? Number.NaN
  return below + (above - below) * (at - Math.floor(at))
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5)
}

/** Median with the whole range and the interquartile range: how far a cell can be trusted. */
export interface Spread {
  median: number
  min: number
  max: number
  q1: number
  q3: number
  n: number
}

export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v))
  return {
    median: median(finite),
    min: finite.length === 0 ? Number.NaN : Math.min(...finite),
    max: finite.length === 0 ? Number.NaN : Math.max(...finite),
    q1: quantile(finite, 0.25),
    q3: quantile(finite, 0.75),
    n: finite.length,
  }
}

/** Round robin with the start moved each round, so drift falls on every competitor alike. */
export function rotated<T>(items: readonly T[], round: number): T[] {
  if (items.length === 0) return []
  const start = round % items.length
  return [...items.slice(start), ...items.slice(0, start)]
}
