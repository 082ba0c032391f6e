// The stream layer alone: events already parsed go through `createEventStream` (connection,
// delivery, state, hub, the subscriber) and, beside it, through a bare loop doing the same
// per-event work (pick the type, decode, hand over). No network, no parser, no JSON by default:
// what is left is what the stream adds per event. The same code runs in Node and in the page.
import { createEventStream, createParser } from '@rivulet/core'
import type { ServerSentEvent, Transport, TransportMessage } from '@rivulet/core'
import { spread, type Spread } from '../lib/stats'

const TYPE = 'stockUpdate'
// Events per message, as the fetch transport sends them.
const BATCH = 256

export interface LayerResult {
  /** ns an event, bare loop and stream, and the stream's extra ns an event paired by round. */
  bare: Spread
  /** A stream made for each round, as the end-to-end suites make one a pass. */
  stream: Spread
  over: Spread
  /** One stream kept over every round, as an app keeps its stream. */
  kept: Spread
  keptOver: Spread
}

function corpus(n: number, json: boolean): ServerSentEvent[][] {
  // Parsed by Rivulet's own parser, so the events, strings included, are what the stream gets.
  let text = ''
  for (let i = 0; i < n; i++) {
    const id = String(i + 1)
    const quote = { id: i + 1, symbol: 'MSFT', name: 'Microsoft Corporation', price: i / 8 }
    const data = json ? JSON.stringify(quote) : `quote ${id}`
    text += `event: ${TYPE}\nid: ${id}\ndata: ${data}\n\n`
  }
  const events: ServerSentEvent[] = []
  const parser = createParser({ onEvent: (event) => void events.push(event) })
  parser.feed(text)
  if (events.length !== n) throw new Error(`parsed ${events.length} events of ${n}`)
  const batches: ServerSentEvent[][] = []
  for (let i = 0; i < n; i += BATCH) batches.push(events.slice(i, i + BATCH))
  return batches
}

/** Runs `rounds` interleaved rounds of `n` events each; `json` decodes with `JSON.parse`. */
export async function runLayer(n: number, rounds: number, json: boolean): Promise<LayerResult> {
  const batches = corpus(n, json)
  const decode = json ? (data: string): unknown => JSON.parse(data) : (data: string) => data
  let seen = 0
  const sink = (_payload: unknown) => void seen++
  const gc = (globalThis as { gc?: () => void }).gc

  const bare = () => {
    const start = performance.now()
    for (const batch of batches)
      for (let i = 0; i < batch.length; i++) {
        const event = batch[i] as ServerSentEvent
        if (event.type === TYPE) sink(decode(event.data))
      }
    return performance.now() - start
  }

  /** `rounds` rounds of the bare loop and then `measure`, a collection before each: ms each. */
  const paired = async (measure: () => number | Promise<number>) => {
    const bareMs: number[] = []
    const measuredMs: number[] = []
    for (let round = 0; round < rounds; round++) {
      gc?.()
      bareMs.push(bare())
      gc?.()
      measuredMs.push(await measure())
    }
    return [bareMs, measuredMs] as const
  }

  const stream = () =>
    new Promise<number>((resolve) => {
      // A transport that hands over the batches at once: typed as the stream expects, without
      // importing RxJS here (the stream only subscribes to it).
      const transport = {
        name: 'memory',
        connect: () => ({
          subscribe(observer: { next(message: TransportMessage): void }) {
            queueMicrotask(() => {
              observer.next({ type: 'open' })
              const start = performance.now()
              for (const events of batches) observer.next({ type: 'events', events })
              const took = performance.now() - start
              queueMicrotask(() => {
                events.close()
                resolve(took)
              })
            })
            return { unsubscribe() {} }
          },
        }),
      } as unknown as Transport
      const events = createEventStream<{ [TYPE]: unknown }>('http://memory.test/', {
        transport,
        decode,
        retry: false,
      })
      events.on(TYPE).subscribe(sink)
    })

  for (let i = 0; i < 3; i++) {
    bare()
    await stream()
  }
  const [b, s] = await paired(stream)

  // Then, so that it changes nothing above, one stream connected once and handed every round.
  let hand: ((message: TransportMessage) => void) | undefined
  const keptTransport = {
    name: 'memory',
    connect: () => ({
      subscribe(observer: { next(message: TransportMessage): void }) {
        hand = (message) => observer.next(message)
        queueMicrotask(() => observer.next({ type: 'open' }))
        return { unsubscribe: () => (hand = undefined) }
      },
    }),
  } as unknown as Transport
  const keptStream = createEventStream<{ [TYPE]: unknown }>('http://memory.test/', {
    transport: keptTransport,
    decode,
    retry: false,
  })
  keptStream.on(TYPE).subscribe(sink)
  while (keptStream.status.state !== 'open') await new Promise((r) => setTimeout(r, 1))
  const kept = () => {
    const start = performance.now()
    for (const events of batches) hand?.({ type: 'events', events })
    return performance.now() - start
  }
  for (let i = 0; i < 3; i++) kept()
  const [kb, k] = await paired(kept)
  keptStream.close()
  if (seen !== (rounds + 3) * 2 * n + (rounds * 2 + 3) * n)
    throw new Error(`delivered ${seen} events`)
  const ns = (ms: number) => (ms * 1e6) / n
  return {
    bare: spread(b.map(ns)),
    stream: spread(s.map(ns)),
    over: spread(s.map((ms, i) => ns(ms - (b[i] as number)))),
    kept: spread(k.map(ns)),
    keptOver: spread(k.map((ms, i) => ns(ms - (kb[i] as number)))),
  }
}
