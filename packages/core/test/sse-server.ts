import { once } from 'node:events'
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the server received, with its body and a promise settled when its socket closes. */
export interface ReceivedRequest {
  readonly method: string
  readonly url: string
  readonly headers: IncomingHttpHeaders
  /**
   * The `Last-Event-ID` header read as UTF-8, as the spec sends it (Node hands header bytes over
   * as Latin-1), or the `lastEventId` query parameter; `undefined` when neither is there.
   */
  readonly lastEventId: string | undefined
  readonly body: string
  /** Resolves when the client (or the server) closed this response. */
  readonly closed: Promise<void>
}

export type Handler = (res: ServerResponse, req: ReceivedRequest) => void | Promise<void>

/**
 * A scriptable SSE server for tests, on 127.0.0.1 and a free port. Each incoming request takes
 * the next queued handler, so a test writes exactly the bytes, statuses and drops it needs. A
 * request with no handler left is answered 599, which no test expects.
 */
export interface TestServer {
  readonly origin: string
  url(path?: string): string
  readonly requests: ReceivedRequest[]
  /** Queues handlers, one per future request, in order. */
  respond(...handlers: Handler[]): void
  /** Handles every request the queue has no handler for (instead of answering 599). */
  otherwise(handler: Handler): void
  /** Handles every request to `path` (before the queue), e.g. a page or a bundle. */
  route(path: string, handler: Handler): void
  /** Resolves once `count` requests have arrived in total. */
  waitForRequests(count: number): Promise<ReceivedRequest[]>
  close(): Promise<void>
}

export async function startServer(): Promise<TestServer> {
  const requests: ReceivedRequest[] = []
  const queue: Handler[] = []
  const routes = new Map<string, Handler>()
  let fallback: Handler | undefined
  const waiters: { count: number; resolve: () => void }[] = []

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = req.url ?? '/'
    const header = req.headers['last-event-id']
    const received: ReceivedRequest = {
      method: req.method ?? 'GET',
      url,
      headers: req.headers,
      lastEventId:
        typeof header === 'string'
          ? Buffer.from(header, 'latin1').toString('utf8')
          : (new URL(url, 'http://x').searchParams.get('lastEventId') ?? undefined),
      body: Buffer.concat(chunks).toString('utf8'),
      closed: once(res, 'close').then(() => undefined),
    }
    const route = routes.get(url.split('?')[0] ?? url)
    if (route) return void (await route(res, received))
    requests.push(received)
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve()
    const handler = queue.shift() ?? fallback
    if (handler) return void (await handler(res, received))
    res.writeHead(599).end('no handler queued')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`

  return {
    origin,
    url: (path = '/sse') => origin + path,
    requests,
    respond: (...handlers) => void queue.push(...handlers),
    otherwise: (handler) => void (fallback = handler),
    route: (path, handler) => void routes.set(path, handler),
    waitForRequests: (count) =>
      requests.length >= count
        ? Promise.resolve(requests)
        : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(requests) })),
    close: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}

/** Starts a 200 `text/event-stream` response (headers flushed) and writes `chunks` in order. */
export function stream(...chunks: string[]): Handler {
  return (res) => {
    openStream(res)
    for (const chunk of chunks) res.write(chunk)
  }
}

/** Like `stream`, then ends the response cleanly (EOF). */
export function streamAndEnd(...chunks: string[]): Handler {
  return (res) => {
    openStream(res)
    for (const chunk of chunks) res.write(chunk)
    res.end()
  }
}

/** Writes `chunks`, then destroys the socket mid-stream: a network drop. */
export function streamAndDrop(...chunks: string[]): Handler {
  return async (res) => {
    openStream(res)
    // Wait until the bytes are handed to the OS, so they reach the client before the drop.
    for (const chunk of chunks) await new Promise((resolve) => res.write(chunk, resolve))
    res.socket?.destroy()
  }
}

/** A plain response: status, headers, body. */
export function reply(status: number, body = '', headers: Record<string, string> = {}): Handler {
  return (res) => void res.writeHead(status, headers).end(body)
}

export function openStream(res: ServerResponse, contentType = 'text/event-stream'): void {
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' })
  res.flushHeaders()
}
