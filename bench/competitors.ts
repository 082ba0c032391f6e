// No Node API here: the Chromium run bundles this file into its page.
import { getLines, getMessages } from '@microsoft/fetch-event-source/lib/esm/parse.js'
import { createParser as createParser4 } from 'eventsource-parser'
import { createParser as createParser3 } from 'eventsource-parser-3'
// Type-only, from the contract, so this file typechecks whether or not core has been built.
import type { EventStreamParser, ParserOptions } from '../packages/core/src/parse/types'

/** What a parser saw in one pass; compared against the corpus' expectations before timing. */
export interface Tally {
  events: number
  comments: number
  firstData: string | undefined
  lastData: string | undefined
  /** Sums of lengths: cheap checksums that catch events split, merged or mistyped mid-stream. */
  dataChars: number
  typeChars: number
  idChars: number
}

/** Raw bytes, as from the network; or text already decoded, to time parsing alone (--strings). */
export type Chunk = Uint8Array | string

interface Session {
  feed(chunk: Chunk): void
  end(): void
}

export interface Competitor {
  id: string
  label: string
  /** The floor reports counts only; its data fields stay undefined. */
  parsesFields: boolean
  /** fetch-event-source drops comment lines without a callback for them. */
  countsComments: boolean
  /** fetch-event-source parses bytes only, so --strings leaves it out. */
  takesStrings: boolean
  start(tally: Tally, separator: string): Session
}

export function emptyTally(): Tally {
  return {
    events: 0,
    comments: 0,
    firstData: undefined,
    lastData: undefined,
    dataChars: 0,
    typeChars: 0,
    idChars: 0,
  }
}

// The sinks do the least that still keeps every event observable, so no engine can drop the
// work as dead, and cost the same for every parser.
function onEvent(tally: Tally, data: string, type: string, id: string | undefined): void {
  if (tally.events++ === 0) tally.firstData = data
  tally.lastData = data
  tally.dataChars += data.length
  tally.typeChars += type.length
  tally.idChars += id === undefined ? 0 : id.length
}

export type CreateRivuletParser = (options: ParserOptions) => EventStreamParser

export function rivulet(createParser: CreateRivuletParser, label: string): Competitor {
  return {
    id: 'rivulet',
    label,
    parsesFields: true,
    countsComments: true,
    takesStrings: true,
    start(tally) {
      const parser = createParser({
        onEvent: (event) => {
          onEvent(tally, event.data, event.type, event.id)
        },
        onComment: () => {
          tally.comments++
        },
      })
      // Raw bytes: decoding UTF-8 is part of the parser's job and of what is measured.
      return {
        feed: (chunk) => {
          parser.feed(chunk)
        },
        end: () => {
          parser.end()
        },
      }
    },
  }
}

type EventsourceParserFactory = typeof createParser4 | typeof createParser3

function eventsourceParser(
  id: string,
  label: string,
  createParser: EventsourceParserFactory,
): Competitor {
  return {
    id,
    label,
    parsesFields: true,
    countsComments: true,
    takesStrings: true,
    start(tally) {
      const decode = streamingDecode()
      // onComment is given because 4.x skips comment lines without it; Rivulet gets one too.
      const parser = createParser({
        onEvent: (event) => {
          // 'message' is what a browser reports for a block without an event field.
          onEvent(tally, event.data, event.event ?? 'message', event.id)
        },
        onComment: () => {
          tally.comments++
        },
      })
      return {
        feed: (chunk) => {
          parser.feed(typeof chunk === 'string' ? chunk : decode(chunk))
        },
        end: () => {
          parser.feed(decode(undefined))
          parser.reset()
        },
      }
    },
  }
}

/**
 * The parser inside `@microsoft/fetch-event-source` (what its `fetchEventSource` runs on the
 * body's chunks): lines found in the bytes, each field and value decoded on its own. It reports
 * a message at every blank line and has no comment callback; the corpora fit both.
 */
function fetchEventSource(): Competitor {
  return {
    id: 'fes',
    label: '@microsoft/fetch-event-source 2.x',
    parsesFields: true,
    countsComments: false,
    takesStrings: false,
    start(tally) {
      const onChunk = getLines(
        getMessages(
          () => undefined,
          () => undefined,
          (message) => {
            onEvent(tally, message.data, message.event || 'message', message.id)
          },
        ),
      )
      return {
        feed: (chunk) => {
          if (typeof chunk !== 'string') onChunk(chunk)
        },
        end: () => undefined,
      }
    },
  }
}

/** Turns one chunk of bytes into text; `undefined` at the end of the stream. */
type Decode = (chunk: Uint8Array | undefined) => string

const STREAM = { stream: true }

function streamingDecode(): Decode {
  const decoder = new TextDecoder()
  return (chunk) => (chunk === undefined ? decoder.decode() : decoder.decode(chunk, STREAM))
}

/** Length of the longest prefix that ends on a character boundary (assumes valid UTF-8). */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length
  // Look back past continuation bytes (10xxxxxx) to the lead byte of the last character.
  for (let back = 1; back <= 4 && back <= length; back++) {
    const byte = bytes[length - back] ?? 0
    if (byte < 0x80) return length
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      return needed <= back ? length : length - back
    }
  }
  return length
}

/**
 * One-shot decodes of each chunk's complete characters, the unfinished one carried over. Node
 * 20's TextDecoder is several times faster on ASCII without `stream`, so this is the lower floor.
 */
function oneShotDecode(): Decode {
  // Without ignoreBOM a one-shot decode would strip a U+FEFF opening any chunk.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  let carry: Uint8Array | undefined
  return (chunk) => {
    let bytes = chunk ?? new Uint8Array(0)
    if (carry !== undefined) {
      const joined = new Uint8Array(carry.length + bytes.length)
      joined.set(carry)
      joined.set(bytes, carry.length)
      bytes = joined
      carry = undefined
    }
    const end = chunk === undefined ? bytes.length : completeLength(bytes)
    if (end < bytes.length) carry = bytes.slice(end)
    return end === 0 ? '' : decoder.decode(end === bytes.length ? bytes : bytes.subarray(0, end))
  }
}

/**
 * The least any parser must do: decode, and find each blank line. It parses no fields and
 * assumes the corpus never runs more than two line endings together.
 */
function floor(id: string, label: string, makeDecode: () => Decode): Competitor {
  return {
    id,
    label,
    parsesFields: false,
    countsComments: false,
    takesStrings: true,
    start(tally, separator) {
      const decode = makeDecode()
      // Proper prefixes of the separator, longest first, to spot one cut by a chunk boundary.
      const prefixes: string[] = []
      for (let k = separator.length - 1; k > 0; k--) prefixes.push(separator.slice(0, k))
      let matched = 0
      const scan = (text: string): void => {
        let from = 0
        if (matched > 0) {
          let m = matched
          let i = 0
          while (m < separator.length && i < text.length) {
            if (text.charCodeAt(i) !== separator.charCodeAt(m)) break
            m++
            i++
          }
          if (m === separator.length) {
            tally.events++
            from = i
          } else if (i === text.length) {
            matched = m
            return
          }
        }
        let end = from
        for (let at = text.indexOf(separator, from); at !== -1; at = text.indexOf(separator, end)) {
          tally.events++
          end = at + separator.length
        }
        matched = 0
        for (const prefix of prefixes) {
          if (text.length - end >= prefix.length && text.endsWith(prefix)) {
            matched = prefix.length
            break
          }
        }
      }
      return {
        feed: (chunk) => {
          scan(typeof chunk === 'string' ? chunk : decode(chunk))
        },
        end: () => {
          scan(decode(undefined))
          matched = 0
        },
      }
    },
  }
}

/**
 * What every line-based parser pays at least: decoding, and one search per line end. It counts
 * blank lines (a lone CR before the LF allowed) and parses nothing else, so it shows how much of
 * the floor's lead is the per-line search alone.
 */
function lineFloor(): Competitor {
  return {
    id: 'lines',
    label: 'lines (streaming TextDecoder + indexOf of every LF)',
    parsesFields: false,
    countsComments: false,
    takesStrings: true,
    start(tally) {
      const decode = streamingDecode()
      // Characters of the current line that earlier chunks held, and whether the last was CR.
      let carried = 0
      let carriedCR = false
      const scan = (text: string): void => {
        let from = 0
        for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', from)) {
          const length = carried + lf - from
          const cr = lf > from ? text.charCodeAt(lf - 1) === 0x0d : carriedCR
          if (length === 0 || (length === 1 && cr)) tally.events++
          carried = 0
          from = lf + 1
        }
        if (from < text.length) {
          carried += text.length - from
          carriedCR = text.charCodeAt(text.length - 1) === 0x0d
        }
      }
      return {
        feed: (chunk) => {
          scan(typeof chunk === 'string' ? chunk : decode(chunk))
        },
        end: () => {
          scan(decode(undefined))
          carried = 0
        },
      }
    },
  }
}

/**
 * Loads Rivulet's parser from the built package, as users get it, or from another module (its
 * sources through tsx, or a variant) to iterate without a build. Returns undefined, with the reason, when it is not
 * there yet, so the harness still runs against its peers.
 */
export async function loadRivuletParser(
  core: string | undefined,
): Promise<{ createParser: CreateRivuletParser; label: string } | { missing: string }> {
  // Specifiers held in variables so the typechecker does not insist on a built `dist/`.
  const specifier = core ?? '@rivulet/core'
  try {
    const module = (await import(specifier)) as { createParser?: unknown }
    if (typeof module.createParser !== 'function') {
      return { missing: `${specifier} does not export createParser yet` }
    }
    const label =
      core === undefined ? 'rivulet' : `rivulet (${core.split('/').slice(-2).join('/')})`
    return { createParser: module.createParser as CreateRivuletParser, label }
  } catch (error) {
    return { missing: `cannot import ${specifier}: ${(error as Error).message.split('\n')[0]}` }
  }
}

async function loadRivulet(
  core: string | undefined,
): Promise<{ competitor: Competitor } | { missing: string }> {
  const loaded = await loadRivuletParser(core)
  return 'missing' in loaded ? loaded : { competitor: rivulet(loaded.createParser, loaded.label) }
}

export const COMPETITOR_IDS = [
  'rivulet',
  'esp4',
  'esp3',
  'fes',
  'floor',
  'floor1',
  'lines',
] as const

/** Everyone but Rivulet, in table order. */
export function peers(): Competitor[] {
  return [
    eventsourceParser('esp4', 'eventsource-parser 4.x', createParser4),
    eventsourceParser('esp3', 'eventsource-parser 3.x', createParser3),
    fetchEventSource(),
    floor('floor', 'floor (streaming TextDecoder + indexOf)', streamingDecode),
    floor('floor1', 'floor (one-shot TextDecoder + indexOf)', oneShotDecode),
    lineFloor(),
  ]
}

export async function loadCompetitors(
  core: string | undefined,
): Promise<{ competitors: Competitor[]; missing: string | undefined }> {
  const loaded = await loadRivulet(core)
  const competitors = peers()
  if ('competitor' in loaded) competitors.unshift(loaded.competitor)
  return { competitors, missing: 'missing' in loaded ? loaded.missing : undefined }
}
