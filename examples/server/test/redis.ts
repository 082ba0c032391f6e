// Test support: the Redis the global setup started (or REDIS_URL), a fresh stream key per test,
// and a plain client for poking at Redis from the outside.

import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'
import { inject } from 'vitest'

/** The shared Redis; a test that needs it fails (never skips) with the reason it is missing. */
export function redisUrl(): string {
  const url = inject('redisUrl')
  if (url === '') throw new Error(`no Redis for this test: ${inject('redisProblem')}`)
  return url
}

/** A stream key no other test uses, so tests can share one Redis. */
export function uniqueKey(): string {
  return `rivulet-test:${randomUUID()}`
}

export async function redisClient() {
  const client = createClient({ url: redisUrl() })
  client.on('error', () => {})
  await client.connect()
  return client
}

/** Kills this instance's connections, found by the names it gives them; how many were killed. */
export async function killConnectionsOf(instance: string): Promise<number> {
  const admin = await redisClient()
  try {
    const list = String(await admin.sendCommand(['CLIENT', 'LIST']))
    const ids = [...list.matchAll(/^id=(\d+) .*name=(\S*)/gm)]
      .filter(
        (match) => match[2] === `rivulet:${instance}` || match[2] === `rivulet:${instance}:reader`,
      )
      .map((match) => match[1] ?? '')
    for (const id of ids) await admin.sendCommand(['CLIENT', 'KILL', 'ID', id])
    return ids.length
  } finally {
    admin.destroy()
  }
}
