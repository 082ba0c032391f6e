import { kib } from '../lib/format'
import { median } from '../lib/stats'

export interface ChunkSeen {
  client: string
  count: number
  min: number
  median: number
  max: number
}

/** "N chunks a pass, X–Y (median Z)": how the body reached the client that read it itself. */
export function chunkLine(seen: readonly ChunkSeen[], client: string): string | undefined {
  const mine = seen.filter((s) => s.client === client)
  if (mine.length === 0) return undefined
  const min = Math.min(...mine.map((s) => s.min))
  const max = Math.max(...mine.map((s) => s.max))
  return (
    `\`${client}\` read ${median(mine.map((s) => s.count)).toFixed(0)} chunks a pass (median of ${mine.length} passes), ` +
    `${kib(min)} to ${kib(max)}, median chunk ${kib(median(mine.map((s) => s.median)))}`
  )
}
