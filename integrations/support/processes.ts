import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'

export interface RunResult {
  readonly code: number | null
  readonly output: string
  readonly seconds: number
}

export interface RunOptions {
  readonly cwd: string
  readonly env?: NodeJS.ProcessEnv
  /** Kills the command (and everything it started) after this long. */
  readonly timeoutMs: number
}

/** A process group of its own, so stopping it also stops what it spawned (build workers). */
function start(command: string, args: readonly string[], options: RunOptions): ChildProcess {
  return spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is already gone.
  }
}

/** Runs a command to its end, with its stdout and stderr interleaved as it printed them. */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const started = performance.now()
  const child = start(command, args, options)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const timer = setTimeout(() => {
    output += `\n[killed after ${options.timeoutMs} ms]`
    killGroup(child, 'SIGKILL')
  }, options.timeoutMs)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output, seconds: (performance.now() - started) / 1000 })
    })
  })
}

/** Runs a command and throws with its output if it fails. */
export async function runOrThrow(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` in ${options.cwd} exited ${result.code}:\n${result.output}`,
    )
  }
  return result
}

/** A long-running server process: its output so far, and a stop that waits for its exit. */
export interface Server {
  readonly output: () => string
  stop(): Promise<void>
}

export interface ServeOptions extends RunOptions {
  /** Polled until it answers at all, within `timeoutMs`. */
  readonly readyUrl: string
}

export async function serve(
  command: string,
  args: readonly string[],
  options: ServeOptions,
): Promise<Server> {
  const child = start(command, args, options)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()))
  const stop = async () => {
    killGroup(child, 'SIGTERM')
    const forced = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000)
    await exited
    clearTimeout(forced)
  }

  const deadline = Date.now() + options.timeoutMs
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`\`${command} ${args.join(' ')}\` exited ${child.exitCode}:\n${output}`)
    }
    const answered = await fetch(options.readyUrl).then(
      async (response) => (await response.arrayBuffer(), true),
      () => false,
    )
    if (answered) return { output: () => output, stop }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`\`${command}\` did not answer ${options.readyUrl} in time:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
