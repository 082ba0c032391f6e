// 10^6 events through one stream, the heap read after a collection every tenth of the way.
import type { Client } from '../clients/types'
import { heapNow, pause, within, type Heap } from './heap'

export interface EventsReport {
  events: number
  /** [events so far, heap] every tenth; the first tenth is the baseline. */
  samples: [number, Heap][]
  /** After close() and a pause. */
  closed: Heap
  ms: number
  failures: string[]
}

export async function runEvents(client: Client, url: string, events: number, timeoutMs: number) {
  const samples: [number, Heap][] = []
  const failures: string[] = []
  const every = Math.max(1, Math.floor(events / 10))
  let count = 0
  let finish = () => {}
  const finished = new Promise<void>((resolve) => (finish = resolve))
  const started = performance.now()
  const session = client.open(
    url,
    () => {
      count++
      // A full collection inside the callback: the stream is paused meanwhile, which is fine.
      if (count % every === 0) samples.push([count, heapNow()])
      if (count === events) finish()
    },
    {},
  )
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      failures.push(`timed out at event ${count} of ${events}`)
      resolve()
    }, timeoutMs)
  })
  await Promise.race([
    finished,
    late,
    session.done.then(
      () => void (count < events && failures.push(`ended at event ${count} of ${events}`)),
      (error: unknown) => void failures.push(String(error)),
    ),
  ])
  clearTimeout(timer)
  const ms = performance.now() - started
  session.close()
  await within(session.done, 1000)
  await pause(200)
  const report: EventsReport = { events, samples, closed: heapNow(), ms, failures }
  return report
}
