// Once per run of the server tests: build the CLIs the tests spawn (so they never run a stale
// dist/), and start a throwaway Redis on 127.0.0.1, stopped at the end. With REDIS_URL set,
// that Redis is used instead and none is started.

import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { hasRedisServer, startThrowawayRedis } from '../src/load/throwaway-redis'
import type { ThrowawayRedis } from '../src/load/throwaway-redis'
import { packageDir } from './cli'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis the tests share; empty if none could be had (see `redisProblem`). */
    redisUrl: string
    redisProblem: string
  }
}

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
  let redis: ThrowawayRedis | undefined
  try {
    if (!hasRedisServer()) {
      // Installs Debian's redis-server when run as root; otherwise says what to do.
      const script = join(packageDir, '../../scripts/ensure-redis.sh')
      const ensure = spawnSync('bash', [script], { encoding: 'utf8' })
      if (ensure.status !== 0) throw new Error(`redis-server is missing: ${ensure.stderr.trim()}`)
    }
    redis = await startThrowawayRedis()
    project.provide('redisUrl', redis.url)
    project.provide('redisProblem', '')
  } catch (error) {
    project.provide('redisUrl', '')
    project.provide('redisProblem', error instanceof Error ? error.message : String(error))
  }
  return () => redis?.stop()
}
