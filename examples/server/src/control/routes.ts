// The control API: what the example apps' outage buttons call. Each action works on the streams
// open now (and, for `unavailable`, on the next connections); `/control/faults` arms any fault
// of the query-parameter kind for the next connections. Every answer is JSON.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Headers } from '../cors'
import { hasFaults, parseFaults } from '../faults'
import type { StreamHandle } from '../stream'
import type { ArmedFaults } from './armed-faults'

export interface ControlTarget {
  readonly armed: ArmedFaults
  /** The streams open at this moment. */
  streams(): readonly StreamHandle[]
  /** What `GET /control` reports. */
  status(): Record<string, unknown>
  /** Closes gracefully, stays down for `downMs`, then listens again; called after the answer. */
  restart(downMs: number): void
}

export const CONTROL_PATHS = new Set([
  '/control',
  '/control/drop',
  '/control/stall',
  '/control/unavailable',
  '/control/restart',
  '/control/faults',
])

export function serveControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  target: ControlTarget,
  cors: Headers,
): void {
  const query = url.searchParams
  const reply = (status: number, body: unknown, then?: () => void): void => {
    res.writeHead(status, {
      ...cors,
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
    })
    res.end(`${JSON.stringify(body)}\n`, then)
  }
  const only = (methods: string): boolean => {
    if (methods.split(', ').includes(req.method ?? '')) return true
    res.setHeader('Allow', `${methods}, OPTIONS`)
    reply(405, { error: `use ${methods}` })
    return false
  }
  try {
    switch (url.pathname) {
      case '/control':
        if (only('GET')) reply(200, target.status())
        return
      case '/control/faults':
        return serveFaults(req.method, query, target.armed, reply, only)
      case '/control/drop': {
        if (!only('POST')) return
        const streams = target.streams()
        for (const stream of streams) stream.cutInsideNextEvent()
        return reply(200, { action: 'drop', streams: streams.length })
      }
      case '/control/stall': {
        if (!only('POST')) return
        const seconds = integer(query, 'seconds', 1, 600) ?? 10
        const streams = target.streams()
        for (const stream of streams) stream.stall(seconds * 1000)
        return reply(200, { action: 'stall', streams: streams.length, seconds })
      }
      case '/control/unavailable': {
        if (!only('POST')) return
        const connections = integer(query, 'connections', 1, 1000) ?? 3
        const retryAfter = integer(query, 'retryAfter', 0, 3600) ?? 2
        // Armed first: a client cut below reconnects at once and must already meet the 503.
        target.armed.arm({ status: 503, retryAfter }, connections)
        const streams = target.streams()
        for (const stream of streams) stream.cut()
        return reply(200, { action: 'unavailable', cut: streams.length, connections, retryAfter })
      }
      case '/control/restart': {
        if (!only('POST')) return
        const downSeconds = integer(query, 'downSeconds', 0, 60) ?? 2
        const streams = target.streams().length
        // 202: the restart begins once this answer has left.
        return reply(202, { action: 'restart', downSeconds, streams }, () =>
          target.restart(downSeconds * 1000),
        )
      }
    }
  } catch (error) {
    if (error instanceof BadParameter) return reply(400, { error: error.message })
    throw error
  }
}

type Reply = (status: number, body: unknown) => void

function serveFaults(
  method: string | undefined,
  query: URLSearchParams,
  armed: ArmedFaults,
  reply: Reply,
  only: (methods: string) => boolean,
): void {
  if (method === 'GET') return reply(200, armed)
  if (method === 'DELETE') {
    armed.clear()
    return reply(200, armed)
  }
  if (!only('GET, POST, DELETE')) return
  const parsed = parseFaults(query)
  if (!parsed.ok) return reply(400, { error: parsed.error })
  if (!hasFaults(parsed.faults)) return reply(400, { error: 'no fault parameters given' })
  const times = integer(query, 'times', 1, 1_000_000) ?? 1
  armed.arm(parsed.faults, times)
  reply(200, armed)
}

class BadParameter extends Error {}

function integer(query: URLSearchParams, name: string, min: number, max: number) {
  const raw = query.get(name)
  if (raw === null) return undefined
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(value >= min && value <= max)) {
    throw new BadParameter(`${name} must be an integer from ${min} to ${max}, got "${raw}"`)
  }
  return value
}
