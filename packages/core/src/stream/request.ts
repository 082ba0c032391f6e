import type { Observable } from 'rxjs'
import type { TransportRequest } from '../transport'
import type { EventStreamOptions, MaybeAsync, StreamUrl } from './types'

/** Resolves a value-or-function option; functions run on every connection attempt. */
async function resolve<T>(value: MaybeAsync<T>): Promise<T> {
  return typeof value === 'function' ? (value as () => T | Promise<T>)() : value
}

/**
 * The request factory: called before every attempt, so a `headers` function can return a fresh
 * token and a `url` function a fresh address.
 */
export function requestFactory(
  url: StreamUrl,
  options: EventStreamOptions<object>,
  method: string,
  eventTypes: Observable<string>,
): (lastEventId: string) => Promise<TransportRequest> {
  return async (lastEventId) => {
    const [href, init, body] = await Promise.all([
      resolve(url),
      resolve(options.headers),
      resolve(options.body),
    ])
    const headers: Record<string, string> = {}
    // Every HeadersInit shape, names lower-cased; values are checked by the transport, which
    // knows what it can send (a bad value must not end up quoted in an error message).
    const entries =
      init instanceof Headers || Array.isArray(init) ? init : Object.entries(init ?? {})
    for (const [name, value] of entries) headers[name.toLowerCase()] = value
    return {
      url: String(href),
      method,
      headers,
      body,
      credentials: options.credentials,
      lastEventId,
      eventTypes,
    }
  }
}

export function isIdempotentMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD'
}
