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

export interface Session {
  feed(chunk: Uint8Array): void
  end(): void
}

export interface Competitor {
  id: string
  label: string
  /** The floor reports counts only; its data fields stay undefined. */
  parsesFields: boolean
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

type CreateRivuletParser = (options: ParserOptions) => EventStreamParser

function rivulet(createParser: CreateRivuletParser, label: string): Competitor {
  return {
    id: 'rivulet',
    label,
    parsesFields: true,
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
      return { feed: (chunk) => parser.feed(chunk), end: () => parser.end() }
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
    start(tally) {
      const decoder = new TextDecoder()
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
          parser.feed(decoder.decode(chunk, { stream: true }))
        },
        end: () => {
          parser.feed(decoder.decode())
          parser.reset()
        },
      }
    },
  }
}

/**
 * The least any parser must do: decode, and find each blank line. It parses no fields and
 * assumes the corpus never runs more than two line endings together.
 */
const floor: Competitor = {
  id: 'floor',
  label: 'floor (TextDecoder + indexOf)',
  parsesFields: false,
  start(tally, separator) {
    const decoder = new TextDecoder()
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
        scan(decoder.decode(chunk, { stream: true }))
      },
      end: () => {
        scan(decoder.decode())
        matched = 0
      },
    }
  },
}

/**
 * Loads Rivulet's parser from the built package, as users get it, or from source through tsx
 * (`fromSource`) to iterate without a build. Returns undefined, with the reason, when it is not
 * there yet, so the harness still runs against its peers.
 */
async function loadRivulet(
  fromSource: boolean,
): Promise<{ competitor: Competitor } | { missing: string }> {
  // Specifiers held in variables so the typechecker does not insist on a built `dist/`.
  const specifier = fromSource ? '../packages/core/src/index.ts' : '@rivulet/core'
  try {
    const core = (await import(specifier)) as { createParser?: unknown }
    if (typeof core.createParser !== 'function') {
      return { missing: `${specifier} does not export createParser yet` }
    }
    const label = fromSource ? 'rivulet (source)' : 'rivulet'
    return { competitor: rivulet(core.createParser as CreateRivuletParser, label) }
  } catch (error) {
    return { missing: `cannot import ${specifier}: ${(error as Error).message.split('\n')[0]}` }
  }
}

export const COMPETITOR_IDS = ['rivulet', 'esp4', 'esp3', 'floor'] as const

export async function loadCompetitors(
  fromSource: boolean,
): Promise<{ competitors: Competitor[]; missing: string | undefined }> {
  const loaded = await loadRivulet(fromSource)
  const competitors = [
    eventsourceParser('esp4', 'eventsource-parser 4.x', createParser4),
    eventsourceParser('esp3', 'eventsource-parser 3.x', createParser3),
    floor,
  ]
  if ('competitor' in loaded) competitors.unshift(loaded.competitor)
  return { competitors, missing: 'missing' in loaded ? loaded.missing : undefined }
}
