// Once per run of the server tests: build the CLIs the tests spawn (so they never run a stale
// dist/), and start a throwaway Redis on 127.0.0.1 (a temporary directory, no persistence),
// stopped at the end. With REDIS_URL set, that Redis is used instead and none is started.

import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { freePort, packageDir } from './cli'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis the tests share; empty if none could be had (see `redisProblem`). */
    redisUrl: string
    redisProblem: string
  }
}

const READY_LIMIT_MS = 10_000

export default async function setup(project: TestProject) {
  const tsup = createRequire(join(packageDir, 'package.json')).resolve('tsup/dist/cli-default.js')
  const built = spawnSync(process.execPath, [tsup, '--silent'], {
    cwd: packageDir,
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(`building dist/ failed:\n${built.stdout}${built.stderr}`)

  const given = process.env.REDIS_URL
  if (given !== undefined && given !== '') {
    project.provide('redisUrl', given)
    project.provide('redisProblem', '')
    return
  }
  let redis: { child: ChildProcess; dir: string; url: string } | undefined
  try {
    redis = await startRedis()
    project.provide('redisUrl', redis.url)
    project.provide('redisProblem', '')
  } catch (error) {
    project.provide('redisUrl', '')
    project.provide('redisProblem', error instanceof Error ? error.message : String(error))
  }
  return async () => {
    if (redis === undefined) return
    redis.child.kill('SIGTERM')
    await new Promise((resolve) => redis?.child.once('exit', resolve))
    rmSync(redis.dir, { recursive: true, force: true })
  }
}

async function startRedis(): Promise<{ child: ChildProcess; dir: string; url: string }> {
  if (spawnSync('redis-server', ['--version']).error !== undefined) {
    // Installs Debian's redis-server when run as root; otherwise says what to do.
    const ensure = spawnSync('bash', [join(packageDir, '../../scripts/ensure-redis.sh')], {
      encoding: 'utf8',
    })
    if (ensure.status !== 0) throw new Error(`redis-server is missing: ${ensure.stderr.trim()}`)
  }
  const dir = mkdtempSync(join(tmpdir(), 'rivulet-redis-'))
  const port = await freePort()
  // No RDB snapshots, no append-only file: nothing outlives the run.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir]
  const child = spawn('redis-server', [...args, '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`redis-server was not ready within ${READY_LIMIT_MS} ms:\n${output}`))
    }, READY_LIMIT_MS)
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      if (!output.includes('Ready to accept connections')) return
      clearTimeout(timer)
      resolve()
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited with ${code}:\n${output}`))
    })
  })
  // Drain its log so a full pipe never blocks it.
  child.stdout?.resume()
  return { child, dir, url: `redis://127.0.0.1:${port}` }
}
