import { spawnSync } from 'node:child_process'
import type { Measurement } from './measure'

// Marks the one stdout line the parent reads, whatever else a child may print.
const MARK = 'BENCH-RESULT '

/**
 * Measures one scenario in a fresh Node process with this process' flags (--expose-gc, tsx).
 * A parser tuned by the JIT for 1-byte chunks of one corpus runs measurably slower on the next
 * scenario in the same process; users run one stream shape, so each scenario starts clean.
 */
function measureInChild(
  args: string[],
  timeoutMs: number,
): Map<string, Measurement> | { error: string } {
  const script = process.argv[1] ?? ''
  const child = spawnSync(process.execPath, [...process.execArgv, script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  })
  if (child.error) return { error: child.error.message }
  if (child.status !== 0) return { error: `exited with ${String(child.status ?? child.signal)}` }
  const line = child.stdout.split('\n').find((text) => text.startsWith(MARK))
  if (line === undefined) return { error: 'printed no result' }
  return new Map(JSON.parse(line.slice(MARK.length)) as [string, Measurement][])
}

/** Runs `measureInChild` up to `attempts` times, pausing between tries. */
export function measureInChildWithRetry(
  args: string[],
  timeoutMs: number,
  attempts: number,
  pauseMs: number,
): Map<string, Measurement> | { error: string } {
  let result: Map<string, Measurement> | { error: string } = { error: 'not run' }
  for (let attempt = 1; attempt <= attempts; attempt++) {
    result = measureInChild(args, timeoutMs)
    if (!('error' in result)) return result
    console.error(`!!! child attempt ${attempt}/${attempts} failed: ${result.error}`)
    // Blocks this thread without spinning; nothing else runs in the parent meanwhile anyway.
    if (attempt < attempts) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs)
  }
  return result
}

export function sendToParent(results: Map<string, Measurement>): void {
  process.stdout.write(`${MARK}${JSON.stringify([...results])}\n`)
}
