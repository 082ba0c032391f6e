import { readFileSync } from 'node:fs'

/**
 * - thread: CPU time of the main thread alone (Linux /proc schedstat, nanoseconds). What the
 *   parser costs the thread it runs on; the best stand-in for wall time on an idle machine, as
 *   GC and compiler threads would run on other cores there.
 * - cpu: CPU time of the whole process, background threads included.
 * - wall: elapsed time; on a shared machine it swings with everyone else's work.
 */
export type Clock = 'thread' | 'cpu' | 'wall'

export interface Reading {
  thread: number
  cpu: number
  wall: number
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`

function threadMs(): number {
  try {
    return Number(readFileSync(SCHEDSTAT, 'latin1').split(' ')[0]) / 1e6
  } catch {
    return Number.NaN
  }
}

export const threadClockWorks = Number.isFinite(threadMs())

/** All three clocks, in milliseconds from arbitrary origins; subtract two readings. */
export function read(): Reading {
  const { user, system } = process.cpuUsage()
  return { thread: threadMs(), cpu: (user + system) / 1000, wall: performance.now() }
}

export function elapsed(from: Reading, to: Reading): Reading {
  return { thread: to.thread - from.thread, cpu: to.cpu - from.cpu, wall: to.wall - from.wall }
}
