// Fault injection for tests and demos, chosen per request with query parameters (or armed
// for the next connections through the control endpoint). Every fault is opt-in: with no
// parameters the server behaves like the well-mannered ASP.NET original.

export interface Faults {
  /** Answer this status (204 or 4xx/5xx) instead of a stream. */
  readonly status?: number
  /** Seconds for the Retry-After header sent with a 429 or 5xx `status`. */
  readonly retryAfter?: number
  /** Answer 200 with this content type and a body that is not an event stream. */
  readonly contentType?: string
  /** Send the headers, then nothing at all for this many milliseconds, then stream. */
  readonly stall?: number
  /** End the response cleanly after this many quote events. */
  readonly dropAfter?: number
  /** Send this many whole quote events, then half of the next, then destroy the socket. */
  readonly dropMidEvent?: number
  /** Send one malformed event after this many quote events, then carry on. */
  readonly malformedAfter?: number
  /** Override the `retry:` value (milliseconds) sent on connect. */
  readonly retry?: number
}

export type FaultParseResult =
  { readonly ok: true; readonly faults: Faults } | { readonly ok: false; readonly error: string }

/** Ignored by an SSE parser line by line, and then an event whose data is not JSON. */
export const MALFORMED_FRAME =
  'this line has no colon\nevent: stockUpdate\ndata: {"symbol":"MSFT","price":\n\n'

const RETRY_AFTER_STATUSES = new Set([429, 500, 502, 503, 504])
const TEN_MINUTES = 600_000

/** Reads the fault parameters; anything else in the query (e.g. lastEventId) is left alone. */
export function parseFaults(query: URLSearchParams): FaultParseResult {
  const faults: { -readonly [K in keyof Faults]: Faults[K] } = {}
  try {
    const status = integer(query, 'status', 100, 599)
    if (status !== undefined) {
      if (status !== 204 && status < 400) throw new Error('status must be 204 or 400-599')
      faults.status = status
      if (RETRY_AFTER_STATUSES.has(status)) {
        faults.retryAfter = integer(query, 'retryAfter', 0, 86_400) ?? 1
      }
    }
    const contentType = query.get('contentType')
    if (contentType !== null) {
      if (!/^[\x20-\x7e]+$/.test(contentType)) throw new Error('contentType must be printable')
      faults.contentType = contentType
    }
    faults.stall = integer(query, 'stall', 0, TEN_MINUTES)
    faults.dropAfter = integer(query, 'dropAfter', 0, Number.MAX_SAFE_INTEGER)
    faults.dropMidEvent = integer(query, 'dropMidEvent', 0, Number.MAX_SAFE_INTEGER)
    faults.malformedAfter = integer(query, 'malformedAfter', 0, Number.MAX_SAFE_INTEGER)
    faults.retry = integer(query, 'retry', 0, TEN_MINUTES)
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
  // Dropping unset keys keeps `{}` meaning "no faults" and makes results easy to compare.
  const set = Object.entries(faults).filter(([, value]) => value !== undefined)
  return { ok: true, faults: Object.fromEntries(set) as Faults }
}

export function hasFaults(faults: Faults): boolean {
  return Object.keys(faults).length > 0
}

function integer(query: URLSearchParams, name: string, min: number, max: number) {
  const raw = query.get(name)
  if (raw === null) return undefined
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(value >= min && value <= max)) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`)
  }
  return value
}
