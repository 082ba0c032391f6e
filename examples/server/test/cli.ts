// Test support: the built CLIs (`dist/`, made by the global setup) in child processes, the way
// `pnpm start` runs them, with their output collected and their URL read from the log.

import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const packageDir = fileURLToPath(new URL('..', import.meta.url))

export interface Cli {
  readonly child: ChildProcess
  /** Resolves with the URL from the `listening on` line; rejects if it exits first. */
  readonly url: Promise<string>
  readonly exited: Promise<number | null>
  output(): string
  /** Resolves once the output matches (bounded: rejects after 10 s or on exit). */
  waitFor(pattern: RegExp): Promise<void>
}

export function startCli(
  script: 'main' | 'proxy',
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Cli {
  const child = spawn(process.execPath, [`dist/${script}.js`, ...args], {
    cwd: packageDir,
    env: { ...process.env, PORT: '0', REDIS_URL: '', STATE_FILE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const watchers = new Set<() => void>()
  const collect = (chunk: string) => {
    output += chunk
    for (const watcher of watchers) watcher()
  }
  child.stdout?.setEncoding('utf8').on('data', collect)
  child.stderr?.setEncoding('utf8').on('data', collect)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(output)) return
        done()
        resolve()
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`no ${pattern} in the output within 10 s:\n${output}`))
      }, 10_000)
      const done = () => {
        clearTimeout(timer)
        watchers.delete(check)
      }
      watchers.add(check)
      void exited.then(() => {
        if (pattern.test(output)) return
        done()
        reject(new Error(`exited before ${pattern}:\n${output}`))
      })
      check()
    })
  const url = waitFor(/listening on (http:\/\/\S+)/).then(
    () => /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? '',
  )
  // Not every test waits for the URL; an exit before listening must not be unhandled.
  url.catch(() => {})
  return { child, url, exited, output: () => output, waitFor }
}

/** Kills the child if it still runs and waits for it to be gone. */
export async function stopCli(
  cli: Cli,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<number | null> {
  if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill(signal)
  return cli.exited
}

/** A loopback port nothing listens on at this moment. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}
