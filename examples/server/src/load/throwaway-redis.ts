// A throwaway redis-server on 127.0.0.1 for tests and the load comparison: a free port, a
// temporary directory, no RDB snapshots and no append-only file, so nothing outlives it.

import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const READY_LIMIT_MS = 10_000

export interface ThrowawayRedis {
  readonly url: string
  stop(): Promise<void>
}

/** Whether Debian's redis-server (or any on PATH) can be started. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version']).error === undefined
}

export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'rivulet-redis-'))
  const port = await freePort()
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir]
  const child = spawn('redis-server', [...args, '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`redis-server was not ready within ${READY_LIMIT_MS} ms:\n${output}`)),
        READY_LIMIT_MS,
      )
      child.once('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        // Bounded: only the start-up banner is kept, then the log is drained unread.
        if (output.length < 64 * 1024) output += chunk
        if (!output.includes('Ready to accept connections')) return
        clearTimeout(timer)
        resolve()
      })
      void exited.then(() => {
        clearTimeout(timer)
        reject(new Error(`redis-server exited before it was ready:\n${output}`))
      })
    })
  } catch (error) {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  child.stderr.resume()
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}
