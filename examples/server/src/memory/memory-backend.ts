// The embedded backend: one process, its ring buffer, and optionally a state file.

import type { Backend } from '../backend'
import { continuePrices, createQuoteGenerator, DEFAULT_PRICES } from '../quotes'
import type { Quote, QuoteGeneratorOptions } from '../quotes'
import { MemoryLog } from './memory-log'
import { MemoryProducer } from './memory-producer'
import { StateFile } from './state-file'

export interface MemoryBackendOptions {
  readonly intervalMs: number
  readonly heartbeatMs: number
  readonly bufferSize: number
  readonly quotes: QuoteGeneratorOptions | undefined
  readonly stateFile: string | undefined
}

export interface MemoryBackend extends Backend {
  readonly log: MemoryLog
  /** Publishes the next quote now, synchronously. */
  tick(): Quote
}

/** Throws a StateFileError if the state file exists but cannot be used. */
export function createMemoryBackend(options: MemoryBackendOptions): MemoryBackend {
  const state =
    options.stateFile === undefined
      ? undefined
      : StateFile.open(options.stateFile, options.bufferSize)
  const log = new MemoryLog({
    bufferSize: options.bufferSize,
    heartbeatMs: options.heartbeatMs,
    state,
  })
  const opening = options.quotes?.prices ?? DEFAULT_PRICES
  const prices = continuePrices(
    opening,
    (state?.restored.quotes ?? []).map(({ quote }) => quote),
  )
  const producer = new MemoryProducer(
    log,
    createQuoteGenerator({ ...options.quotes, prices }),
    options.intervalMs,
  )
  return {
    log,
    isProducer: true,
    tick: () => producer.tick(),
    publish: async () => producer.tick(),
    async start() {
      await log.start()
      producer.start()
    },
    async stop() {
      producer.stop()
      await log.stop()
    },
    status: () => ({
      backend: 'memory',
      producer: true,
      latestId: log.latestId,
      buffered: log.buffer.size,
      stateFile: state?.file.path ?? null,
    }),
    async dispose() {
      producer.stop()
      log.dispose()
    },
  }
}
