import type { Decoder, EventMap, EventStreamOptions } from './types'

const json: Decoder = (data) => JSON.parse(data) as unknown

/** The decoder for each event type: the one given for it, the one given for all, or JSON. */
export function decoderFor<Events extends EventMap>(
  decode: EventStreamOptions<Events>['decode'],
): (type: string) => Decoder {
  if (typeof decode === 'function') return () => decode
  const own = (decode ?? {}) as Record<string, Decoder | undefined>
  return (type) => own[type] ?? json
}
