// The in-memory feed's state on disk, so a restarted process keeps its ids and its replay buffer
// and clients resume instead of resetting. A journal: one header line, then one line per quote,
// appended (and flushed to the disk) before the quote is sent to anyone. Whatever a client has
// seen is therefore in the file, even after `kill -9`, and the next process can prove a replay
// has no gap. It is rewritten to the last `capacity` quotes when it grows past twice that, and
// on graceful shutdown; each rewrite goes to a temporary file renamed over the old one.

import {
  closeSync,
  fdatasyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import type { Quote } from '../quotes'

const FORMAT = 'rivulet-stock-state'
const VERSION = 1

export class StateFileError extends Error {
  override readonly name = 'StateFileError'
  constructor(
    readonly kind: 'corrupt' | 'io',
    readonly path: string,
    detail: string,
  ) {
    super(`state file ${path}: ${detail}`)
  }
}

export interface RestoredState {
  /** The id just before the first quote kept: a client there has missed nothing. */
  readonly floorId: number
  /** The quotes kept, oldest first, with consecutive ids. */
  readonly quotes: readonly RestoredQuote[]
}

interface RestoredQuote {
  readonly quote: Quote
  /** The exact JSON the quote was sent as, so a replay repeats the very same bytes. */
  readonly data: string
}

export class StateFile {
  readonly path: string
  readonly #capacity: number
  #fd: number
  #lines = 0

  /**
   * Reads the file (a missing one is a fresh start), keeps its last `capacity` quotes and
   * rewrites it clean, then opens it for appending. Throws a StateFileError, and leaves the file
   * as it was, if it is not a state file or is damaged anywhere but in its last line.
   */
  static open(path: string, capacity: number): { file: StateFile; restored: RestoredState } {
    const restored = read(path, capacity)
    const file = new StateFile(path, capacity, restored)
    return { file, restored }
  }

  private constructor(path: string, capacity: number, restored: RestoredState) {
    this.path = path
    this.#capacity = capacity
    this.#fd = this.#rewrite(
      restored.floorId,
      restored.quotes.map((q) => q.data),
    )
  }

  /** Journals one quote; returns once it is on the disk. */
  append(data: string): void {
    writeSync(this.#fd, `${data}\n`)
    // Without this an OS crash could lose quotes that clients already have; the next process
    // would then hand their ids to new quotes and a resume would skip them unnoticed.
    fdatasyncSync(this.#fd)
    this.#lines++
  }

  /** Whether the journal has grown enough to be worth rewriting. */
  get needsCompaction(): boolean {
    return this.#lines > 2 * this.#capacity
  }

  /** Rewrites the file to exactly these quotes (their JSON lines, oldest first). */
  compact(floorId: number, lines: readonly string[]): void {
    if (this.#fd === -1) return
    closeSync(this.#fd)
    this.#fd = this.#rewrite(floorId, lines)
  }

  /** The last rewrite; appending after this is an error. */
  close(floorId: number, lines: readonly string[]): void {
    if (this.#fd === -1) return
    this.compact(floorId, lines)
    closeSync(this.#fd)
    this.#fd = -1
  }

  #rewrite(floorId: number, lines: readonly string[]): number {
    const header = JSON.stringify({ format: FORMAT, version: VERSION, floorId })
    const body = lines.map((line) => `${line}\n`).join('')
    const temporary = `${this.path}.tmp`
    try {
      writeFileSync(temporary, `${header}\n${body}`, { flush: true })
      renameSync(temporary, this.path)
      this.#lines = lines.length
      return openSync(this.path, 'a')
    } catch (error) {
      throw new StateFileError('io', this.path, errorText(error))
    }
  }
}

function read(path: string, capacity: number): RestoredState {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { floorId: 0, quotes: [] }
    throw new StateFileError('io', path, errorText(error))
  }
  if (text === '') return { floorId: 0, quotes: [] }
  const lines = text.split('\n')
  // Every line ends with a newline, so the last element is either '' or a line the process was
  // writing when it died. That one was never sent (the write comes first): dropping it loses
  // nothing a client has.
  lines.pop()
  const corrupt = (line: number, what: string) =>
    new StateFileError('corrupt', path, `line ${line}: ${what}; move it away to start afresh`)

  const header = parseJson(lines[0])
  if (!isHeader(header)) throw corrupt(1, `not a ${FORMAT} version ${VERSION} header`)
  const quotes: RestoredQuote[] = []
  let previous = header.floorId
  for (let i = 1; i < lines.length; i++) {
    const data = lines[i] ?? ''
    const quote = parseJson(data)
    if (!isQuote(quote)) throw corrupt(i + 1, 'not a quote')
    if (quote.id !== previous + 1) throw corrupt(i + 1, `id ${quote.id} after ${previous}`)
    previous = quote.id
    quotes.push({ quote, data })
  }
  const kept = quotes.slice(-capacity)
  const floorId = (kept[0]?.quote.id ?? previous + 1) - 1
  return { floorId, quotes: kept }
}

function parseJson(line: string | undefined): unknown {
  try {
    return line === undefined ? undefined : (JSON.parse(line) as unknown)
  } catch {
    return undefined
  }
}

function isHeader(value: unknown): value is { floorId: number } {
  if (typeof value !== 'object' || value === null) return false
  const header = value as Record<string, unknown>
  return (
    header.format === FORMAT &&
    header.version === VERSION &&
    Number.isSafeInteger(header.floorId) &&
    (header.floorId as number) >= 0
  )
}

function isQuote(value: unknown): value is Quote {
  if (typeof value !== 'object' || value === null) return false
  const quote = value as Record<string, unknown>
  return (
    Number.isSafeInteger(quote.id) &&
    typeof quote.symbol === 'string' &&
    typeof quote.price === 'number' &&
    typeof quote.timestamp === 'string'
  )
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
