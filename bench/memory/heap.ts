/** Live memory after a full collection (--expose-gc), in bytes. */
export interface Heap {
  heapUsed: number
  /** Buffers outside the JS heap: unread response bodies would pile up here. */
  arrayBuffers: number
  /** Handles and requests keeping the event loop alive (sockets, timers), by kind. */
  resources: Record<string, number>
}

export function heapNow(): Heap {
  globalThis.gc?.()
  globalThis.gc?.()
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  const resources: Record<string, number> = {}
  for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1
  return { heapUsed, arrayBuffers, resources }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Whichever comes first: `promise` settling or `ms` passing; the timer never outlives it. */
export async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timeout,
    ])
  } finally {
    clearTimeout(timer)
  }
}
