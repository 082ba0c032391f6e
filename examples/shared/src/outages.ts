// The outage buttons: each one asks the reference server's control API (examples/server,
// `POST /control/*`) to break the page's stream in one way, so a reader watches Rivulet
// reconnect and resume without touching a process.

export type OutageId = 'drop' | 'stall' | 'unavailable' | 'restart'

export interface Outage {
  readonly id: OutageId
  /** The button's words. */
  readonly label: string
  /** What happens, in a sentence under the buttons. */
  readonly explains: string
  /** Path and query under the control URL. */
  readonly request: string
}

/** How long the 503s ask the client to wait, and how many requests get one. */
export const UNAVAILABLE = { connections: 2, retryAfter: 2 } as const
/** How long a restarted server refuses connections. */
export const RESTART_DOWN_SECONDS = 2

/**
 * The four outages. The stall outlasts the idle watchdog twice over, so the watchdog, not the
 * server coming back, is what ends it.
 */
export function outages(idleTimeout: number): readonly Outage[] {
  const stall = Math.max(2, Math.ceil((2 * idleTimeout) / 1000))
  return [
    {
      id: 'drop',
      label: 'Drop the connection mid-event',
      explains:
        'The server sends half of its next event and cuts the socket: the half is discarded and replayed whole.',
      request: '/drop',
    },
    {
      id: 'stall',
      label: 'Stall the stream',
      explains: `The server goes silent for ${stall} s, heartbeats too: the idle watchdog (${idleTimeout / 1000} s) reconnects.`,
      request: `/stall?seconds=${stall}`,
    },
    {
      id: 'unavailable',
      label: 'Answer 503 with Retry-After',
      explains: `The stream is cut and the next ${UNAVAILABLE.connections} requests get 503 with Retry-After: ${UNAVAILABLE.retryAfter}: the client waits as told.`,
      request: `/unavailable?connections=${UNAVAILABLE.connections}&retryAfter=${UNAVAILABLE.retryAfter}`,
    },
    {
      id: 'restart',
      label: 'Restart the server',
      explains: `The server ends every stream and refuses connections for ${RESTART_DOWN_SECONDS} s, then comes back with the same ids.`,
      request: `/restart?downSeconds=${RESTART_DOWN_SECONDS}`,
    },
  ]
}

/** What the control API answered, as the result line under the buttons says it. */
export type OutageResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly text: string }

type Fetch = (url: string, init: RequestInit) => Promise<Response>

/** Calls the control API; never throws: a failure is a result that says what went wrong. */
export async function triggerOutage(
  controlUrl: string,
  outage: Outage,
  fetchImpl: Fetch = (url, init) => fetch(url, init),
): Promise<OutageResult> {
  let response: Response
  try {
    response = await fetchImpl(controlUrl + outage.request, { method: 'POST' })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, text: `The control API did not answer (${reason}).` }
  }
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const reason = isRecord(body) && typeof body.error === 'string' ? `: ${body.error}` : ''
    return { ok: false, text: `The control API answered HTTP ${response.status}${reason}.` }
  }
  return { ok: true, text: describeAnswer(outage.id, isRecord(body) ? body : {}) }
}

function describeAnswer(id: OutageId, body: Record<string, unknown>): string {
  const streams = (n: unknown) => `${String(n)} stream${n === 1 ? '' : 's'}`
  switch (id) {
    case 'drop':
      return `Dropping ${streams(body.streams)} inside the next event.`
    case 'stall':
      return `Stalled ${streams(body.streams)} for ${String(body.seconds)} s.`
    case 'unavailable':
      return `Cut ${streams(body.cut)}; the next ${String(body.connections)} requests get 503 with Retry-After: ${String(body.retryAfter)}.`
    case 'restart':
      return `Restarting the server: down for ${String(body.downSeconds)} s.`
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** The line above the buttons. */
export const OUTAGES_HINT =
  "Break the stream on purpose through the server's control API, and watch the page recover."

/** Shown instead of working buttons when the server has no control API (`VITE_CONTROL_URL=none`). */
export const NO_CONTROL_API =
  'This server has no control API, so the buttons are off: the reference server (examples/server) has one.'
