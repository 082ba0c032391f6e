// One connection to Redis, made with the well-kept `redis` client. Commands fail at once while
// it is disconnected (no offline queue): a stream join then fails cleanly and the client
// resumes elsewhere, instead of hanging on a queue. Reconnection backs off up to 2 s.

import { createClient } from 'redis'

export type RedisClient = ReturnType<typeof createClient>

const CONNECT_LIMIT_MS = 5000

export async function openRedis(
  url: string,
  name: string,
  logLine: (line: string) => void,
): Promise<RedisClient> {
  const client: RedisClient = createClient({
    url,
    // Named, so an operator (or a test) can find this instance's connections in CLIENT LIST.
    name,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  })
  // One line per change of state, not one per failed reconnection attempt.
  let healthy = true
  client.on('error', (error: Error) => {
    if (!healthy) return
    healthy = false
    logLine(`redis ${name}: ${error.message}`)
  })
  client.on('ready', () => {
    if (healthy) return
    healthy = true
    logLine(`redis ${name}: connected again`)
  })
  const limit = setTimeout(() => client.destroy(), CONNECT_LIMIT_MS)
  try {
    await client.connect()
  } catch (error) {
    throw new Error(
      `cannot reach Redis at ${redactUrl(url)} within ${CONNECT_LIMIT_MS} ms: ${
        error instanceof Error ? error.message : String(error)
      }`,
    )
  } finally {
    clearTimeout(limit)
  }
  return client
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(an invalid URL)'
  }
}
