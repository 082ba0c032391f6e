import type { TransportRequest } from '../transport'
import type { EventStreamOptions, MaybeAsync, StreamUrl } from './types'

/** Resolves a value-or-function option; functions run on every connection attempt. */
export async function resolve<T>(value: MaybeAsync<T>): Promise<T> {
  return typeof value === 'function' ? (value as () => T | Promise<T>)() : value
}

/**
 * The request factory: called before every attempt, so a `headers` function can return a fresh
 * token and a `url` function a fresh address.
 */
export function requestFactory(
  url: StreamUrl,
  options: EventStreamOptions<object>,
): (lastEventId: string) => Promise<TransportRequest> {
  const method = (options.method ?? 'GET').toUpperCase()
  return async (lastEventId) => {
    const [href, headersInit, body] = await Promise.all([
      resolve(url),
      resolve(options.headers),
      resolve(options.body),
    ])
    const headers: Record<string, string> = {}
    // Headers normalises every HeadersInit shape and lower-cases the names.
    new Headers(headersInit).forEach((value, name) => {
      headers[name] = value
    })
    return {
      url: String(href),
      method,
      headers,
      body,
      credentials: options.credentials,
      lastEventId,
      signal: options.signal,
    }
  }
}

export function isIdempotentMethod(method: string | undefined): boolean {
  const upper = (method ?? 'GET').toUpperCase()
  return upper === 'GET' || upper === 'HEAD'
}
