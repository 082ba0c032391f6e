// `npm start` as a test runs it: the real scripts/demo.mjs, no terminal, ports of its own.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer, connect } from 'node:net'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const WAIT_MS = 45_000

export interface Runner {
  readonly process: ChildProcess
  /** Every line it printed so far. */
  readonly lines: string[]
  /** Resolves with the first line (from `from` on) matching `pattern`; rejects after a bounded wait. */
  line(pattern: RegExp, from?: number): Promise<string>
  /** Resolves with its exit code. */
  readonly exited: Promise<number | null>
  /** Pids of the processes it said it started, by name. */
  pids(name: string): number[]
}

/** util-linux `script`, which gives a command a terminal of its own; absent on some systems. */
export const SCRIPT = ['/usr/bin/script', '/bin/script'].find((path) => existsSync(path))

/**
 * Starts `npm start -- --no-build <args>`. With `terminal`, it runs under `script`, so its stdin
 * is a terminal and `runner.process.stdin` types into it.
 */
export function startRunner(args: readonly string[], { terminal = false } = {}): Runner {
  const command = [process.execPath, 'scripts/demo.mjs', '--no-build', ...args]
  if (terminal && SCRIPT === undefined) throw new Error('no `script` command to give it a terminal')
  const child =
    terminal && SCRIPT !== undefined
      ? // -q quiet, -f flush at once, -e its exit code, -c the command; no typescript file kept.
        spawn(SCRIPT, ['-qfec', command.map((word) => `'${word}'`).join(' '), '/dev/null'], {
          cwd: ROOT,
          stdio: ['pipe', 'pipe', 'pipe'],
        })
      : spawn(command[0] ?? 'node', command.slice(1), {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
  const lines: string[] = []
  const waiters = new Set<() => void>()
  let rest = ''
  const onText = (text: string) => {
    // A terminal ends lines with CRLF.
    const parts = (rest + text.replaceAll('\r', '')).split('\n')
    rest = parts.pop() ?? ''
    lines.push(...parts)
    for (const wake of [...waiters]) wake()
  }
  child.stdout.setEncoding('utf8').on('data', onText)
  child.stderr.setEncoding('utf8').on('data', onText)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    process: child,
    lines,
    exited,
    line(pattern, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.slice(from).find((line) => pattern.test(line))
          if (found === undefined) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(found)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(
            new Error(
              `no line matching ${pattern} within ${WAIT_MS} ms; it printed:\n${lines.join('\n')}`,
            ),
          )
        }, WAIT_MS)
        waiters.add(check)
        check()
      })
    },
    pids(name) {
      const started = new RegExp(`^\\[demo\\] ${name} started \\(pid (\\d+)\\)$`)
      return lines.flatMap((line) => {
        const match = started.exec(line)
        return match === null ? [] : [Number(match[1])]
      })
    },
  }
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Whether anything accepts connections on the port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Kills the server and waits until the supervisor says it started it again and it is back. */
export async function killServerAndAwaitRestart(runner: Runner, pid: number): Promise<void> {
  const from = runner.lines.length
  process.kill(pid, 'SIGKILL')
  await runner.line(/^\[demo\] server exited \(signal SIGKILL\); starting it again in 1 s$/, from)
  await runner.line(/^\[demo\] the stock server is back: /, from)
}

/** The fallback cleanup: every group the runner started, and the runner, SIGKILLed. */
export function killEverything(runner: Runner | undefined): void {
  if (runner === undefined) return
  for (const name of ['server', 'react', 'vue', 'vanilla']) {
    for (const pid of runner.pids(name)) {
      if (!alive(pid)) continue
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {
        // Gone already.
      }
    }
  }
  if (runner.process.exitCode === null) runner.process.kill('SIGKILL')
}
