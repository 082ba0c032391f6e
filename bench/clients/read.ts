import type { Probe } from './types'

/** Fetches an event stream as the clients built on `fetch` do. */
export async function openBody(
  url: string,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal })
  if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`)
  return response.body
}

/** Reads a body to its end, or until `signal` aborts, chunk by chunk. */
export async function readChunks(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  probe: Probe,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const reader = body.getReader()
  // Node 20's fetch leaves a pending read() unsettled forever when the request is aborted after
  // the whole body has arrived (the last event was in the last chunk); cancelling settles it.
  const cancel = () => void reader.cancel().catch(() => {})
  signal.addEventListener('abort', cancel, { once: true })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      probe.chunk?.(value.byteLength)
      onChunk(value)
    }
  } finally {
    signal.removeEventListener('abort', cancel)
  }
}
