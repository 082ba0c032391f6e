import type { Decoder, EventMap, EventStreamOptions } from './types'

const json: Decoder = (data) => JSON.parse(data) as unknown

/**
 * Decodes an event's data: by the decoder given for its type, the one given for all, or JSON.
 * With one decoder (or none), nothing is looked up per event.
 */
export function decoderFor<Events extends EventMap>(
  decode: EventStreamOptions<Events>['decode'],
): Decoder {
  if (decode === undefined) return json
  if (typeof decode === 'function') return decode
  const own = decode as Record<string, Decoder | undefined>
  return (data, event) => (own[event.type] ?? json)(data, event)
}
