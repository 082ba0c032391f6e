import type { ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import type { PageRecord, PageStream } from './lifecycle-entry'
import { openStream, startServer } from './sse-server'
import type { ReceivedRequest, TestServer } from './sse-server'

// esbuild comes with tsup, as in chromium.test.ts; only `build` with in-memory output is used.
type Build = (options: {
  entryPoints: string[]
  bundle: true
  format: 'esm'
  target: string
  write: false
}) => Promise<{ outputFiles: { text: string }[] }>
const { build } = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as {
  build: Build
}

/**
 * A resumable feed: it numbers its `tick` events 1, 2, 3…, replays to each new connection the
 * events after the `Last-Event-ID` it sends (all of them without one), then sends every new event
 * to every open connection.
 */
export interface ReplayingFeed {
  /** The requests for the feed, oldest first. */
  readonly requests: ReceivedRequest[]
  /**
   * The requests from `index` on, one per connection attempt of a page: Chromium sometimes sends
   * a request twice (the page fetched once: seen when one connection is aborted and another
   * started at the same moment, in one page or two), and both copies stay open. Copies carry the
   * same `x-attempt` header; the first is kept.
   */
  attempts(index?: number): ReceivedRequest[]
  /** Sends the next `count` events to every open connection. */
  publish(count?: number): void
  /** How many connection attempts are open now (copies counted once). */
  readonly open: number
  /** The requests whose responses are open now. */
  readonly openRequests: ReceivedRequest[]
  /** The ids published so far: `['1', '2', …]`. */
  readonly ids: readonly string[]
  /** Cuts every open connection. */
  drop(): void
  /**
   * Replay the event the `Last-Event-ID` names too, as a server that fails over to a replica a
   * little behind does. Off after `reset()`.
   */
  overlap: boolean
  /** Starts over, for the next test: no events, no connection. */
  reset(): void
}

export interface PageServer {
  readonly origin: string
  readonly feed: ReplayingFeed
  /** Opens `origin/` in `page` and a stream there (see `startStream`). */
  openStream(page: Page, stream: PageStream, path?: string): Promise<void>
  close(): Promise<void>
}

const tick = (id: string) => `event: tick\nid: ${id}\ndata: ${id}\n\n`

/** The test pages (`/` and `/other`, with the bundle of `lifecycle-entry.ts`) and the feed `/sse`. */
export async function startPageServer(): Promise<PageServer> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./lifecycle-entry.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
  })
  const script = bundle.outputFiles[0]?.text ?? ''
  const server: TestServer = await startServer()
  const html = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end('<!doctype html><script type="module" src="/bundle.js"></script>')
  }
  server.route('/', html)
  server.route('/other', html)
  server.route('/favicon.ico', (res) => void res.writeHead(404).end())
  server.route('/bundle.js', (res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' })
    res.end(script)
  })

  const ids: string[] = []
  const open = new Map<ServerResponse, unknown>()
  const openRequest = new Map<ServerResponse, ReceivedRequest>()
  server.otherwise((res, req) => {
    openStream(res)
    const from = req.lastEventId ? ids.indexOf(req.lastEventId) + (feed.overlap ? 0 : 1) : 0
    for (const id of ids.slice(from)) res.write(tick(id))
    open.set(res, req.headers['x-attempt'])
    openRequest.set(res, req)
    res.on('close', () => {
      open.delete(res)
      openRequest.delete(res)
    })
  })
  const feed: ReplayingFeed = {
    requests: server.requests,
    ids,
    attempts(index = 0) {
      const seen = new Set<unknown>()
      return server.requests.slice(index).filter((request) => {
        const attempt = request.headers['x-attempt']
        if (seen.has(attempt)) return false
        seen.add(attempt)
        return true
      })
    },
    get open() {
      return new Set(open.values()).size
    },
    get openRequests() {
      return [...openRequest.values()]
    },
    drop() {
      for (const res of open.keys()) res.socket?.destroy()
    },
    overlap: false,
    reset() {
      ids.length = 0
      feed.overlap = false
      for (const res of open.keys()) res.socket?.destroy()
    },
    publish(count = 1) {
      for (let i = 0; i < count; i++) {
        const id = String(ids.length + 1)
        ids.push(id)
        for (const res of open.keys()) res.write(tick(id))
      }
    },
  }

  return {
    origin: server.origin,
    feed,
    async openStream(page, stream, path = '/') {
      await page.goto(server.origin + path)
      await startStream(page, stream)
    },
    close: () => server.close(),
  }
}

/** Makes the page's stream, once the bundle has loaded (after a `goto` or a `reload`). */
export async function startStream(page: Page, stream: PageStream): Promise<void> {
  await page.waitForFunction(() => 'rivulet' in globalThis)
  await page.evaluate(
    (s) => (globalThis as unknown as { rivulet: { open(s: PageStream): void } }).rivulet.open(s),
    stream,
  )
}

const NO_RECORD: PageRecord = { ids: [], states: [], asked: [], page: [] }

/** What the page's stream has seen so far (nothing, on a page that has no stream yet). */
export async function recordOf(page: Page): Promise<PageRecord> {
  return (await page.evaluate(() => globalThis.record)) ?? NO_RECORD
}

/**
 * Waits until the page's record passes `check`, for at most `timeout` ms: a guard against a hang,
 * never a measurement. Returns the record, for exact assertions.
 */
export async function recordOnce(
  page: Page,
  check: (record: PageRecord) => boolean,
  timeout = 10_000,
): Promise<PageRecord> {
  const deadline = Date.now() + timeout
  for (;;) {
    const record = await recordOf(page)
    if (check(record) || Date.now() > deadline) return record
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Waits (bounded, as above) until `condition` holds; returns whether it did. */
export async function eventually(condition: () => boolean, timeout = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeout
  while (!condition()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return true
}

/** `['1', …, String(n)]` */
export const idsUpTo = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1))
