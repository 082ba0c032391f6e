// One timed pass of one client over one stream, the same in Node and in the browser page.
import type { Quote } from '../lib/quote'
import { message, type Client } from './types'

interface ChunkSizes {
  count: number
  min: number
  median: number
  max: number
}

export interface PassResult {
  count: number
  /** Sum of the payloads' `id`s: equal to 1 + … + n only if every event arrived once, intact. */
  idSum: number
  /** From `open()` to the first and to the n-th event, ms. */
  firstMs: number
  lastMs: number
  /** Body chunk sizes, for the clients that read the body themselves. */
  chunks: ChunkSizes | undefined
  /** What the client reported on the way, and the error that stopped it if one did. */
  errors: string[]
  failed: string | undefined
  /** The client's `done` had not settled 1 s after `close()`: a read or timer left hanging. */
  unsettled: boolean
}

export interface PassOptions {
  now: () => number
  timeoutMs: number
  /** Called with every decoded payload, after counting (the latency suite reads `sent`). */
  observe?: (quote: Quote) => void
  /** Called at the n-th event, before the client is closed (the Node suite reads CPU clocks). */
  onLast?: () => void
}

function summarize(sizes: number[]): ChunkSizes | undefined {
  if (sizes.length === 0) return undefined
  const sorted = [...sizes].sort((a, b) => a - b)
  return {
    count: sorted.length,
    min: sorted[0] ?? 0,
    median: sorted[sorted.length >> 1] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  }
}

/** Streams until the n-th event (then closes the client), the stream's end, or the timeout. */
export async function runPass(
  client: Client,
  url: string,
  n: number,
  options: PassOptions,
): Promise<PassResult> {
  const { now, observe, onLast } = options
  let count = 0
  let idSum = 0
  let firstMs = Number.NaN
  let lastMs = Number.NaN
  const sizes: number[] = []
  let close = () => {}
  let reached = () => {}
  const complete = new Promise<void>((resolve) => (reached = resolve))
  const start = now()
  const session = client.open(
    url,
    (quote) => {
      if (count++ === 0) firstMs = now() - start
      if (quote !== null) {
        idSum += quote.id
        observe?.(quote)
      }
      if (count === n) {
        lastMs = now() - start
        onLast?.()
        close()
        reached()
      }
    },
    { chunk: (bytes) => sizes.push(bytes) },
  )
  close = () => session.close()

  let failed: string | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      failed = `timed out after ${options.timeoutMs} ms at event ${count} of ${n}`
      resolve()
    }, options.timeoutMs)
  })
  await Promise.race([
    complete,
    timeout,
    session.done.then(
      () => {
        if (count < n) failed = `stream ended at event ${count} of ${n}`
      },
      (error: unknown) => {
        failed = message(error)
      },
    ),
  ])
  clearTimeout(timer)
  session.close()
  // Let the client finish tearing down before the next pass; a teardown that hangs is a finding.
  const settled = await Promise.race([
    session.done.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000)),
  ])
  return {
    count,
    idSum,
    firstMs,
    lastMs,
    chunks: summarize(sizes),
    errors: [...session.errors],
    failed,
    unsettled: !settled,
  }
}
