// A raw HTTP client for event streams: the exact header lines and body bytes a server sends,
// and how the response ended.
import { Agent, request } from 'node:http'

export interface RawResponse {
  readonly status: number
  /** Header names and values exactly as received, in order. */
  readonly headers: readonly (readonly [string, string])[]
  /** The body so far (chunked transfer decoded), as bytes. */
  bytes(): Buffer
  /** The body so far, as UTF-8. */
  text(): string
  /** Resolves once the body holds `count` events (blocks ending in a blank line). */
  events(count: number): Promise<string[]>
  /** Resolves with every event once the body contains `text`. */
  eventsUntil(text: string): Promise<string[]>
  /** How the response finished: a clean end (final chunk), or a dropped connection. */
  readonly finished: Promise<'end' | 'aborted'>
  close(): void
}

// Only a guard against a hung test; no test depends on how long anything takes.
const WAIT_LIMIT_MS = 20_000

/** The events in a body: each block up to and including its blank line. */
export function splitEvents(body: string): string[] {
  return body.match(/[^]*?\n\n/g) ?? []
}

/**
 * GET `path`. Header values are written as given, byte for byte (Node writes header strings as
 * Latin-1): pass `utf8Header('ü')` to send UTF-8.
 */
export function openRaw(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Keep-alive, as browsers ask; a fresh agent per stream, so no socket is shared.
    const agent = new Agent({ keepAlive: true })
    const req = request(url, { headers, agent })
    const fail = (error: Error): void => {
      req.destroy()
      agent.destroy()
      reject(error)
    }
    const guard = setTimeout(() => fail(new Error(`no response from ${url}`)), WAIT_LIMIT_MS)
    req.on('error', fail)
    req.on('response', (res) => {
      clearTimeout(guard)
      const chunks: Buffer[] = []
      const watchers = new Set<() => void>()
      const finished = new Promise<'end' | 'aborted'>((settle) => {
        res.on('end', () => settle('end'))
        res.on('error', () => settle('aborted'))
        res.on('close', () => settle(res.complete ? 'end' : 'aborted'))
      })
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        for (const watch of watchers) watch()
      })
      const bytes = () => Buffer.concat(chunks)
      const text = () => bytes().toString('utf8')
      const headerPairs: [string, string][] = []
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        headerPairs.push([res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? ''])
      }
      /** Every event, once `done()` holds for the body (bounded). */
      const until = (done: () => boolean, what: string): Promise<string[]> =>
        new Promise((settle, fail) => {
          let ended = false
          const check = (): void => {
            if (done()) finish(() => settle(splitEvents(text())))
            else if (ended)
              finish(() => fail(new Error(`response ended before ${what}:\n${text()}`)))
          }
          const timer = setTimeout(
            () => finish(() => fail(new Error(`no ${what} yet:\n${text()}`))),
            WAIT_LIMIT_MS,
          )
          const finish = (then: () => void): void => {
            clearTimeout(timer)
            watchers.delete(check)
            then()
          }
          void finished.then(() => {
            ended = true
            check()
          })
          watchers.add(check)
          check()
        })
      resolve({
        status: res.statusCode ?? 0,
        headers: headerPairs,
        bytes,
        text,
        finished,
        close: () => {
          req.destroy()
          agent.destroy()
        },
        events: (count) =>
          until(() => splitEvents(text()).length >= count, `${count} events`).then((events) =>
            events.slice(0, count),
          ),
        eventsUntil: (wanted) => until(() => text().includes(wanted), JSON.stringify(wanted)),
      })
    })
    req.end()
  })
}

/** A header value that Node writes as the UTF-8 bytes of `text`. */
export function utf8Header(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1')
}

/** The response's headers without `Date`, which changes every second. */
export function stableHeaders(response: RawResponse): (readonly [string, string])[] {
  return response.headers.filter(([name]) => name.toLowerCase() !== 'date')
}
