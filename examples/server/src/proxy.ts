// A round-robin HTTP proxy in front of several instances, for the scale-out demo and tests: each
// request goes to the next instance, skipping one that refuses the connection. A stream cut
// upstream is cut downstream too (never ended cleanly), so a client sees what really happened.

import { createServer, request } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface RoundRobinProxy {
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>
  /** Stops listening and cuts every open connection. */
  close(): Promise<void>
}

export interface RoundRobinProxyOptions {
  /** Instance base URLs, e.g. `http://127.0.0.1:5001`. */
  readonly targets: readonly string[]
  /** One line per proxied request: which instance got it. */
  readonly log?: (line: string) => void
}

// Headers about one connection, not the request: never forwarded (RFC 9110, section 7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
])
const MAX_BODY_BYTES = 64 * 1024

export function createRoundRobinProxy(options: RoundRobinProxyOptions): RoundRobinProxy {
  const targets = options.targets.map((target) => new URL(target))
  if (targets.length === 0) throw new Error('the proxy needs at least one target')
  const log = options.log ?? (() => {})
  const sockets = new Set<Socket>()
  let next = 0
  let requests = 0

  const server = createServer({ noDelay: true }, (req, res) => {
    const id = ++requests
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413, { 'Content-Type': 'text/plain' })
        return res.end('request body too large for this proxy\n')
      }
      forward(id, req, res, Buffer.concat(chunks), 0)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  function forward(
    id: number,
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    tried: number,
  ) {
    const target = targets[next++ % targets.length] as URL
    const upstream = request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...forwardable(req.headers), host: target.host },
      agent: false,
    })
    // The client left: stop reading from the instance too.
    res.on('close', () => upstream.destroy())
    upstream.on('response', (reply) => {
      log(`#${id} ${req.method} ${req.url} -> ${target.host} ${reply.statusCode}`)
      res.writeHead(reply.statusCode ?? 502, forwardable(reply.headers))
      res.flushHeaders()
      reply.pipe(res)
      reply.on('close', () => {
        if (!reply.complete) res.destroy()
      })
    })
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (res.headersSent) return res.destroy()
      // Nothing reached the instance, so trying the next one cannot repeat the request.
      if (error.code === 'ECONNREFUSED' && tried + 1 < targets.length) {
        log(`#${id} ${target.host} refused, trying the next instance`)
        return forward(id, req, res, body, tried + 1)
      }
      log(`#${id} ${req.method} ${req.url} -> 502 (${error.code ?? error.message})`)
      res.writeHead(502, { 'Content-Type': 'text/plain' })
      res.end(`bad gateway: ${error.code ?? error.message}\n`)
    })
    upstream.end(body)
  }

  return {
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const address = server.address() as AddressInfo
          resolve({ url: `http://${host}:${address.port}`, port: address.port })
        })
      })
    },
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

function forwardable(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value
  }
  return kept
}
