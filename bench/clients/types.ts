import type { Quote } from '../lib/quote'

/**
 * Called once per event. Clients that decode hand over the parsed payload; the `floor` client
 * only counts blocks and hands over `null`.
 */
export type Sink = (quote: Quote | null) => void

export interface Session {
  /** Settles once the client has stopped: after `close()` or the end of the stream. */
  readonly done: Promise<void>
  close(): void
  /** Errors the client reported without stopping (a reconnection, a skipped event). */
  readonly errors: string[]
}

export interface Probe {
  /** Byte length of each body chunk the client read, for clients that read the body themselves. */
  chunk?(bytes: number): void
}

export interface Client {
  readonly id: string
  readonly label: string
  /** `floor` counts blank lines and parses no JSON, so it has no id checksum to verify. */
  readonly decodes: boolean
  open(url: string, sink: Sink, probe: Probe): Session
}

export function message(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  if (typeof error === 'object' && error !== null) return JSON.stringify(error)
  return String(error)
}

/** A read loop that the client's own `close()` ended is a normal end, not an error. */
export function endedByUs(signal: AbortSignal): (error: unknown) => void {
  return (error) => {
    if (!signal.aborted) throw error
  }
}
