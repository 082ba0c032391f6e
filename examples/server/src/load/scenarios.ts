// The servers a load run measures, each instance its own process (so clients and servers do
// not share a thread): one in-memory instance, or instances sharing a Redis stream.

import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createClient } from 'redis'

export interface Scenario {
  readonly urls: readonly string[]
  /** SIGTERM to every instance; the worst exit code and the longest shutdown. */
  stop(): Promise<{ code: number | null; ms: number }>
}

export async function memoryScenario(intervalMs: number): Promise<Scenario> {
  return scenario([instance(['--interval', String(intervalMs)])])
}

/** `count` instances on one fresh stream key of `redisUrl`; one of them gets elected producer. */
export async function redisScenario(intervalMs: number, redisUrl: string, count: number) {
  const key = `rivulet-load:${randomUUID()}`
  const args = ['--interval', String(intervalMs), '--redis', redisUrl, '--stream-key', key]
  const instances = Array.from({ length: count }, (_, i) =>
    instance([...args, '--instance', `load-${i + 1}`]),
  )
  const started = await scenario(instances)
  return {
    urls: started.urls,
    async stop() {
      const stopped = await started.stop()
      // Leave nothing behind in a Redis that outlives the run.
      const redis = createClient({ url: redisUrl })
      redis.on('error', () => {})
      await redis.connect()
      await redis.del([key, `${key}:producer`])
      redis.destroy()
      return stopped
    },
  }
}

async function scenario(instances: ReturnType<typeof instance>[]): Promise<Scenario> {
  try {
    const urls = await Promise.all(instances.map((started) => started.url))
    return {
      urls,
      async stop() {
        const stopped = await Promise.all(instances.map((started) => started.stop()))
        return {
          code: stopped.reduce<number | null>((worst, s) => (s.code === 0 ? worst : s.code), 0),
          ms: Math.max(...stopped.map((s) => s.ms)),
        }
      },
    }
  } catch (error) {
    await Promise.all(instances.map((started) => started.stop()))
    throw error
  }
}

/** dist/main.js, next to this script once built. */
function instance(args: string[]) {
  const main = fileURLToPath(new URL('./main.js', import.meta.url))
  const child = spawn(process.execPath, [main, '--port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  const url = new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (output.length < 64 * 1024) output += chunk
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)))
  })
  url.catch(() => {})
  return {
    url,
    async stop(): Promise<{ code: number | null; ms: number }> {
      const started = performance.now()
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const code = await exited
      return { code, ms: Math.round(performance.now() - started) }
    },
  }
}
