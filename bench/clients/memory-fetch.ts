// The `--memory <bytes>` mode of the end-to-end suites: each stream's body is fetched from the
// server once, kept, and served again from memory in chunks of exactly that size, so that a pass
// times the client alone, with no server sharing the cores and the chunk size chosen rather than
// the socket's. What is left is what "the same reader" means in the stream-layer goal.

const PARAM = 'memory'

/** Clients whose requests do not go through `fetch` (EventSource): they cannot run in memory. */
export const OWN_REQUESTS: readonly string[] = ['rivulet-es', 'eventsource', 'native-es']

/** The connections a pass makes to the server: in memory, only the first of a body does. */
export function expectedConnections(memory: number | undefined, first: boolean): number {
  return memory === undefined || first ? 1 : 0
}

/** The URL of a pass that `installMemoryFetch` serves from memory, in chunks of `bytes`. */
export function inMemory(url: string, bytes: number): string {
  return `${url}&${PARAM}=${bytes}`
}

/**
 * The URL of one pass: `n` events from the server, or, in memory, the body of the timed passes
 * (`events` long), which the pass reads to its n-th event.
 */
export function passUrl(
  base: string,
  variant: string,
  n: number,
  events: number,
  pass: string,
  memory: number | undefined,
): string {
  if (memory === undefined) return `${base}/stream?variant=${variant}&n=${n}&pass=${pass}`
  return inMemory(`${base}/stream?variant=${variant}&n=${events}&pass=${pass}`, memory)
}

/**
 * How many events the warm-up reads. In memory it reads the whole body it keeps: a client closed
 * at its n-th event would have read on past it, to the end of that chunk.
 */
export function warmUpLength(memory: number | undefined, warmupEvents: number, events: number) {
  return memory === undefined ? warmupEvents : events
}

/** Cuts `body` into chunks of `bytes` (the last one shorter). */
export function cut(body: Uint8Array, bytes: number): Uint8Array[] {
  const chunks: Uint8Array[] = []
  for (let at = 0; at < body.byteLength; at += bytes) chunks.push(body.subarray(at, at + bytes))
  return chunks
}

/** A body that hands over one chunk a read, as a network body does, and stops when aborted. */
function replay(chunks: readonly Uint8Array[], signal: AbortSignal | null | undefined) {
  let next = 0
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true })
      },
      pull(controller) {
        const chunk = chunks[next++]
        // The kept bytes themselves, not a copy: no client here changes or transfers a chunk, and
        // a copy of each (2 MiB in Chromium) would add the same time to every client's pass.
        if (chunk === undefined) controller.close()
        else controller.enqueue(chunk)
      },
    },
    { highWaterMark: 0 },
  )
}

/**
 * Wraps the global `fetch`: a URL made by `inMemory` is fetched for real the first time (with its
 * `pass` id, so the server counts that connection) and from memory after that, keyed by the URL
 * without `pass`. Every other URL goes to the network as before.
 */
export function installMemoryFetch(): void {
  const network = globalThis.fetch
  const kept = new Map<string, Promise<Uint8Array>>()
  globalThis.fetch = async (input, init) => {
    const url = new URL(String(input), globalThis.location?.href)
    const bytes = Number(url.searchParams.get(PARAM))
    if (!(bytes > 0)) return network(input, init)
    url.searchParams.delete(PARAM)
    const real = url.href
    url.searchParams.delete('pass')
    const key = url.href
    let body = kept.get(key)
    if (body === undefined) {
      body = network(real, { headers: init?.headers }).then(async (r) => {
        if (r.status !== 200) throw new Error(`HTTP ${r.status} fetching ${real}`)
        return new Uint8Array(await r.arrayBuffer())
      })
      kept.set(key, body)
      body.catch(() => kept.delete(key))
    }
    const chunks = cut(await body, bytes)
    init?.signal?.throwIfAborted()
    return new Response(replay(chunks, init?.signal), {
      status: 200,
      headers: { 'content-type': 'text/event-stream; charset=utf-8' },
    })
  }
}
