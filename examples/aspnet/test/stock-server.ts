// Runs the built server as a child process on 127.0.0.1, and always stops it again.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { inject } from 'vitest'
import { DOTNET_ENV } from './dotnet'

export interface ServerFlags {
  /** Default 0: a free port, read from the "Now listening on" line. */
  readonly port?: number
  readonly interval?: number
  readonly retry?: number
  readonly buffer?: number
  readonly origins?: string
  readonly seed?: number
}

export interface Exit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

export interface StockServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly port: number
  /** Everything it wrote to stdout and stderr so far. */
  output(): string
  /** The connection log: one line per stream that ended. */
  connectionLines(): string[]
  /** Log lines at warning level or worse, e.g. an unhandled exception: a healthy run has none. */
  problems(): string[]
  /** Resolves once the output matches, e.g. a connection's log line (bounded wait). */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>
  signal(signal: NodeJS.Signals): void
  readonly exited: Promise<Exit>
  /** SIGKILL unless it has exited, then wait for the exit. */
  stop(): Promise<Exit>
}

// Only a guard against a hung test; no test depends on how long anything takes.
const WAIT_LIMIT_MS = 30_000
const running = new Set<StockServerProcess>()
const root = fileURLToPath(new URL('..', import.meta.url))

// The server reads these from the environment; the tests choose them explicitly.
const INHERITED = ['PORT', 'HOST', 'CORS_ORIGINS', 'ASPNETCORE_URLS', 'ASPNETCORE_HTTP_PORTS']
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(DOTNET_ENV).filter(([name]) => !INHERITED.includes(name))),
  // No debugger and diagnostics pipes: a process killed with SIGKILL would leave them behind.
  DOTNET_EnableDiagnostics: '0',
}

/** Starts the server with these flags (and environment variables, e.g. `PORT`). */
export function startStockServer(
  flags: ServerFlags = {},
  environment: Record<string, string> = {},
): Promise<StockServerProcess> {
  const args = [inject('stockServerDll')]
  if (flags.port !== undefined || environment.PORT === undefined) {
    args.push('--port', String(flags.port ?? 0))
  }
  for (const name of ['interval', 'retry', 'buffer', 'origins', 'seed'] as const) {
    if (flags[name] !== undefined) args.push(`--${name}`, String(flags[name]))
  }
  return run(args, { ...env, ...environment })
}

/** Runs the server with raw arguments, e.g. to see a bad flag refused; resolves once it exits. */
export function runStockServer(args: readonly string[]): Promise<Exit & { output: string }> {
  const child = spawn('dotnet', [inject('stockServerDll'), ...args], { cwd: root, env })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const guard = setTimeout(() => child.kill('SIGKILL'), WAIT_LIMIT_MS)
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(guard)
      resolve({ code, signal, output })
    }),
  )
}

function run(args: string[], environment: NodeJS.ProcessEnv): Promise<StockServerProcess> {
  const child: ChildProcess = spawn('dotnet', args, {
    cwd: root,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const watchers = new Set<() => void>()
  const append = (chunk: Buffer): void => {
    output += chunk.toString('utf8')
    for (const watch of watchers) watch()
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  let hasExited = false
  void exited.then(() => {
    hasExited = true
    for (const watch of watchers) watch()
  })

  const waitForOutput = (pattern: RegExp): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const match = output.match(pattern)
        if (match !== null) done(() => resolve(match))
        else if (hasExited)
          done(() => reject(new Error(`server exited before ${pattern}:\n${output}`)))
      }
      const timer = setTimeout(
        () => done(() => reject(new Error(`no ${pattern} in the server's output:\n${output}`))),
        WAIT_LIMIT_MS,
      )
      const done = (settle: () => void): void => {
        clearTimeout(timer)
        watchers.delete(check)
        settle()
      }
      watchers.add(check)
      check()
    })

  let port = 0
  const server: StockServerProcess = {
    get url() {
      return `http://127.0.0.1:${port}`
    },
    get port() {
      return port
    },
    output: () => output,
    connectionLines: () => output.split('\n').filter((line) => line.includes('ConnectionLog')),
    problems: () => output.split('\n').filter((line) => / (warn|fail|crit): /.test(line)),
    waitForOutput,
    signal: (signal) => void child.kill(signal),
    exited,
    stop: () => {
      if (!hasExited) child.kill('SIGKILL')
      running.delete(server)
      return exited
    },
  }
  running.add(server)
  return waitForOutput(/Now listening on: http:\/\/127\.0\.0\.1:(\d+)/).then(
    (match) => {
      port = Number(match[1])
      return server
    },
    async (error: unknown) => {
      await server.stop()
      throw error
    },
  )
}

/** Stops every server a test started; for `afterEach`/`afterAll`. */
export async function stopAllStockServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()))
}
