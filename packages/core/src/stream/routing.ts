import type { DecodeError } from '../errors'
import { decodeError } from '../errors'
import type { ServerSentEvent } from '../parse'
import type { Decoder, EventMap, EventStreamOptions, StreamEvent } from './types'

const json: Decoder = (data) => JSON.parse(data) as unknown

/**
 * Decodes each event once for every subscriber: by the decoder for its type, or the one
 * decoder given, or `JSON.parse`. Returns the typed event, or the decode error.
 */
export function eventDecoder<Events extends EventMap>(
  decode: EventStreamOptions<Events>['decode'],
): (event: ServerSentEvent) => StreamEvent<Events> | DecodeError {
  const pick = (type: string): Decoder => {
    if (decode === undefined) return json
    if (typeof decode === 'function') return decode
    const own = (decode as Record<string, Decoder | undefined>)[type]
    return own ?? json
  }
  return (event) => {
    let data: unknown
    try {
      data = pick(event.type)(event.data, event)
    } catch (cause) {
      return decodeError(event, cause)
    }
    return {
      type: event.type,
      data,
      id: event.id,
      lastEventId: event.lastEventId,
      raw: event.data,
    } as StreamEvent<Events>
  }
}

/** Whether a value returned by the decoder is a failure. */
export function isDecodeError<T extends object>(value: T | DecodeError): value is DecodeError {
  return 'kind' in value && value.kind === 'decode'
}
