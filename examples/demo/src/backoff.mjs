// @ts-check
// How long the supervisor waits before starting a process that stopped by itself again: at
// once would spin on a server that crashes as it starts, so the wait doubles while it keeps
// failing and starts over once it ran a while.

export const FIRST_DELAY_MS = 1000
export const MAX_DELAY_MS = 15_000
/** A process up this long was healthy: its next crash waits the first delay again. */
export const HEALTHY_AFTER_MS = 10_000

/**
 * @param {number | undefined} previous the last wait, `undefined` before the first
 * @param {number} ranForMs how long the process ran before it stopped
 * @returns {number}
 */
export function restartDelay(previous, ranForMs) {
  if (previous === undefined || ranForMs >= HEALTHY_AFTER_MS) return FIRST_DELAY_MS
  return Math.min(previous * 2, MAX_DELAY_MS)
}
