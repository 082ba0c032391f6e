import { eventSourceTransport, fetchTransport } from '../transport'
import type { Transport } from '../transport'
import type { Observable } from 'rxjs'
import type { EventStreamOptions } from './types'

/**
 * Picks the transport when connecting (never at import, so SSR and workers are safe). `auto`
 * prefers fetch streaming, which carries many times the events per second of native
 * `EventSource` in browsers (bench/README.md), where each event is a task of its own.
 */
export function selectTransport(
  options: EventStreamOptions<object>,
  eventTypes: Observable<string>,
): Transport {
  const choice = options.transport ?? 'auto'
  if (typeof choice === 'object') return choice
  const useFetch =
    choice === 'fetch' ||
    (choice === 'auto' &&
      (options.fetch !== undefined ||
        (typeof globalThis.fetch === 'function' && typeof ReadableStream === 'function') ||
        (options.EventSource === undefined && !('EventSource' in globalThis))))
  return useFetch ? fetchTransport(options) : eventSourceTransport({ ...options, eventTypes })
}
