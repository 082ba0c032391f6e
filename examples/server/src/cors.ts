// CORS for the example apps, which run on their own dev-server origins. Every response,
// including fault responses, carries these headers: without them a browser reports a 503
// as an opaque network error and a client cannot read its status or Retry-After.

// The example apps' dev servers (React 5173, Vue 5174, vanilla 5175) and Vite's preview port.
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = [5173, 5174, 5175, 4173].flatMap(
  (port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
)

// Last-Event-ID is what a resuming fetch-based client sends; it is not CORS-safelisted.
// Authorization lets the examples show an authenticated stream (@rivulet/core can send headers).
const ALLOWED_HEADERS = 'Accept, Authorization, Cache-Control, Content-Type, Last-Event-ID'

export type Headers = Record<string, string>

/** Headers for an actual (non-preflight) response, or {} if the origin is not allowed. */
export function corsHeaders(origin: string | undefined, allowed: readonly string[]): Headers {
  if (origin === undefined) return {}
  if (allowed.includes('*')) return { 'Access-Control-Allow-Origin': '*', ...exposed() }
  if (!allowed.includes(origin)) return { Vary: 'Origin' }
  return {
    'Access-Control-Allow-Origin': origin,
    // Lets `new EventSource(url, { withCredentials: true })` work from the example apps.
    'Access-Control-Allow-Credentials': 'true',
    Vary: 'Origin',
    ...exposed(),
  }
}

/** Headers for an OPTIONS preflight, or undefined if the origin is not allowed. */
export function preflightHeaders(
  origin: string | undefined,
  allowed: readonly string[],
): Headers | undefined {
  const headers = corsHeaders(origin, allowed)
  if (headers['Access-Control-Allow-Origin'] === undefined) return undefined
  return {
    ...headers,
    // POST and DELETE are for /control/faults, so a demo page can arm and clear faults.
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
  }
}

function exposed(): Headers {
  // Readable cross-origin only when exposed: a fetch-based client backs off by Retry-After, and
  // the demo shows which instance answered.
  return { 'Access-Control-Expose-Headers': 'Retry-After, X-Rivulet-Instance' }
}
