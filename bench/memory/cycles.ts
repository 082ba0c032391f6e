// Connect, take the first event, disconnect: `cycles` times, watching the heap.
import { createEventStream } from '@rivulet/core'
import type { Client } from '../clients/types'
import { EVENT_TYPE, type Quote } from '../lib/quote'
import { heapNow, pause, within, type Heap } from './heap'

export interface CycleReport {
  cycles: number
  /** Heap before the first cycle, then [cycles so far, heap] after every tenth. */
  start: Heap
  samples: [number, Heap][]
  end: Heap
  /** After a pause, so that closes still under way have finished. */
  settled: Heap
  ms: number
  failures: string[]
}

export type Cycle = (url: string) => Promise<void>

/** One cycle with any client: open, wait for the first event, close, wait until it stopped. */
export function clientCycle(client: Client, timeoutMs: number): Cycle {
  return async (url) => {
    let first = () => {}
    const arrived = new Promise<void>((resolve) => (first = resolve))
    const session = client.open(url, () => first(), {})
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no first event')), timeoutMs)
    })
    try {
      await Promise.race([
        arrived,
        late,
        session.done.then(() => Promise.reject(new Error('ended early'))),
      ])
    } finally {
      clearTimeout(timer)
      session.close()
    }
    await within(session.done, timeoutMs)
  }
}

/** Rivulet's one stream, subscribed and unsubscribed again and again (a component remounting). */
export function resubscribeCycle(): Cycle {
  let stream: ReturnType<typeof createEventStream<{ [EVENT_TYPE]: Quote }>> | undefined
  return async (url) => {
    stream ??= createEventStream<{ [EVENT_TYPE]: Quote }>(url, { transport: 'fetch' })
    const events = stream.on(EVENT_TYPE)
    await new Promise<void>((resolve, reject) => {
      // Unsubscribing after the first event is the disconnect (teardown aborts the request).
      const subscription = events.subscribe({
        next: () => {
          subscription.unsubscribe()
          resolve()
        },
        error: reject,
      })
    })
  }
}

export async function runCycles(cycle: Cycle, url: (i: number) => string, cycles: number) {
  const failures: string[] = []
  const started = performance.now()
  const start = heapNow()
  const samples: [number, Heap][] = []
  const every = Math.max(1, Math.floor(cycles / 10))
  for (let i = 1; i <= cycles; i++) {
    try {
      await cycle(url(i))
    } catch (error) {
      failures.push(`cycle ${i}: ${String(error)}`)
      // A client that fails five times is broken, not leaking: stop there.
      if (failures.length >= 5) break
    }
    if (i % every === 0) samples.push([i, heapNow()])
  }
  const end = heapNow()
  const ms = performance.now() - started
  await pause(500)
  const report: CycleReport = { cycles, start, samples, end, settled: heapNow(), ms, failures }
  return report
}
