// The control endpoint arms faults for the next connections. Query parameters cannot
// express "fail once, then recover" for an EventSource, which reconnects to the same URL:
// arm `?status=503&times=1` here and only the next connection fails.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Headers } from './cors'
import { hasFaults, parseFaults } from './faults'
import type { Faults } from './faults'

export class ArmedFaults {
  #faults: Faults = {}
  #remaining = 0

  arm(faults: Faults, times: number): void {
    this.#faults = faults
    this.#remaining = times
  }

  clear(): void {
    this.arm({}, 0)
  }

  /** The armed faults for one connection, counting it against `times`. */
  take(): Faults {
    if (this.#remaining === 0) return {}
    this.#remaining--
    return this.#faults
  }

  toJSON(): { faults: Faults; remaining: number } {
    return { faults: this.#remaining > 0 ? this.#faults : {}, remaining: this.#remaining }
  }
}

export function serveControl(
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  armed: ArmedFaults,
  cors: Headers,
): void {
  const reply = (status: number, body: unknown): void => {
    res.writeHead(status, { ...cors, 'Content-Type': 'application/json' })
    res.end(`${JSON.stringify(body)}\n`)
  }
  if (req.method === 'GET') return reply(200, armed)
  if (req.method === 'DELETE') {
    armed.clear()
    return reply(200, armed)
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST, DELETE')
    return reply(405, { error: 'use GET, POST or DELETE' })
  }
  const parsed = parseFaults(query)
  if (!parsed.ok) return reply(400, { error: parsed.error })
  if (!hasFaults(parsed.faults)) return reply(400, { error: 'no fault parameters given' })
  const timesRaw = query.get('times') ?? '1'
  const times = /^\d+$/.test(timesRaw) ? Number(timesRaw) : NaN
  if (!(times >= 1 && times <= 1_000_000)) {
    return reply(400, { error: `times must be an integer from 1 to 1000000, got "${timesRaw}"` })
  }
  armed.arm(parsed.faults, times)
  reply(200, armed)
}
