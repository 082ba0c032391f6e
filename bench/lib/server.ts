// The server every end-to-end suite streams from, on 127.0.0.1 and an ephemeral port. It runs in
// the suite's own process, apart from the clients, so its work is never billed to a client.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { monotonicMs, quoteBody, quoteSource, VARIANTS, type Variant } from './payloads'

export interface Asset {
  type: string
  body: string | Uint8Array
}

export interface BenchServer {
  readonly origin: string
  /** Requests seen for a pass id: 1 unless a client reconnected (which gets 204). */
  connections(pass: string): number
  /** Event-stream responses still open: what clients failed to close shows up here. */
  openStreams(): number
  /** TCP connections still open. */
  openSockets(): number
  /** Builds a `/stream` body ahead of timing, so no pass waits for it. */
  prepare(variant: Variant, n: number): void
  close(): Promise<void>
}

const SLICE = 64 * 1024
// Every stream is bounded, whatever a query asks for.
const MAX_EVENTS = 10_000_000
const MAX_PACED_MS = 120_000

const HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-store',
  connection: 'keep-alive',
}

function variantOf(url: URL): Variant {
  const value = url.searchParams.get('variant') ?? 'ascii'
  if (!(VARIANTS as readonly string[]).includes(value)) throw new Error(`no variant ${value}`)
  return value as Variant
}

function countOf(url: URL): number {
  const n = Number(url.searchParams.get('n') ?? '1')
  if (!Number.isInteger(n) || n < 1 || n > MAX_EVENTS) throw new Error(`bad n ${String(n)}`)
  return n
}

function rateOf(url: URL): number {
  const rate = Number(url.searchParams.get('rate') ?? 1000)
  if (!Number.isInteger(rate) || rate < 1 || rate > 100_000)
    throw new Error(`bad rate ${String(rate)}`)
  return rate
}

/** Resolves when the socket can take more, or when the client is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

async function writeBody(res: ServerResponse, body: Uint8Array): Promise<void> {
  for (let at = 0; at < body.length && !res.destroyed; at += SLICE) {
    if (!res.write(body.subarray(at, at + SLICE))) await drained(res)
  }
  res.end()
}

async function writeGenerated(res: ServerResponse, variant: Variant, n: number): Promise<void> {
  const next = quoteSource(variant)
  for (let from = 1; from <= n && !res.destroyed; from += 1000) {
    let batch = ''
    for (let i = from; i < from + 1000 && i <= n; i++) batch += next(i)
    if (!res.write(batch)) await drained(res)
  }
  res.end()
}

/** `n` events at `rate` per second, each stamped as it is written. */
function writePaced(res: ServerResponse, variant: Variant, n: number, rate: number): void {
  const next = quoteSource(variant)
  const start = monotonicMs()
  let sent = 0
  let timer: NodeJS.Timeout | undefined
  const tick = () => {
    const now = monotonicMs()
    const due = Math.min(n, Math.floor(((now - start) * rate) / 1000) + 1)
    while (sent < due && !res.destroyed) {
      sent++
      res.write(next(sent, monotonicMs()))
    }
    if (sent >= n || res.destroyed || now - start > MAX_PACED_MS) res.end()
    else timer = setTimeout(tick, 1)
  }
  res.on('close', () => clearTimeout(timer))
  tick()
}

export async function startServer(assets: ReadonlyMap<string, Asset> = new Map()) {
  const bodies = new Map<string, Uint8Array>()
  const passes = new Map<string, number>()
  const sockets = new Set<Socket>()
  let streams = 0

  const body = (variant: Variant, n: number) => {
    const key = `${variant}:${n}`
    let bytes = bodies.get(key)
    if (bytes === undefined) bodies.set(key, (bytes = quoteBody(variant, n)))
    return bytes
  }

  const openStream = (res: ServerResponse) => {
    streams++
    res.on('close', () => streams--)
    res.writeHead(200, HEADERS)
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const asset = assets.get(url.pathname)
    if (asset !== undefined) {
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' })
      return res.end(asset.body)
    }
    const pass = url.searchParams.get('pass') ?? ''
    const seen = (passes.get(pass) ?? 0) + 1
    passes.set(pass, seen)
    // spec: 204 tells a client to stop reconnecting; a pass is one connection, never two.
    if (seen > 1 && pass !== '') return res.writeHead(204).end()
    // Checked before any header goes out, so that bad input still gets its 400.
    const variant = variantOf(url)
    const n = countOf(url)
    const rate = rateOf(url)
    switch (url.pathname) {
      case '/stream':
        openStream(res)
        return void writeBody(res, body(variant, n))
      case '/generated':
        openStream(res)
        return void writeGenerated(res, variant, n)
      case '/paced':
        openStream(res)
        return writePaced(res, variant, n, rate)
      case '/hold':
        // One event, then silence until the client leaves: a connect/disconnect cycle.
        openStream(res)
        return void res.write(quoteSource(variant)(1))
      default:
        res.writeHead(404).end()
    }
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res)
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error))
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const result: BenchServer = {
    origin: `http://127.0.0.1:${port}`,
    connections: (pass) => passes.get(pass) ?? 0,
    openStreams: () => streams,
    openSockets: () => sockets.size,
    prepare: (variant, n) => void body(variant, n),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
  return result
}
