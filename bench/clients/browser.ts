// The clients of the Chromium suite, in table order: the same code as in Node, with the
// browser's own EventSource where Node uses the `eventsource` package.
import { floor, floorJson } from './floors'
import {
  bareEventSource,
  eventsourceClient,
  eventsourceParser,
  eventsourceParserStream,
  fetchEventSourceClient,
  fetchEventStream,
} from './peers'
import { rivuletEventSource, rivuletFetch, rivuletParser } from './rivulet'
import type { Client } from './types'

/** Ids in table order; the page builds the clients only when it runs, where EventSource exists. */
export const BROWSER_CLIENT_IDS = [
  'rivulet-fetch',
  'rivulet-parser',
  'rivulet-es',
  'native-es',
  'esp',
  'esp-stream',
  'eventsource-client',
  'fetch-event-source',
  'fetch-event-stream',
  'floor',
  'floor-json',
] as const

export function browserClients(): Client[] {
  return [
    rivuletFetch,
    rivuletParser,
    rivuletEventSource(EventSource, 'native EventSource'),
    bareEventSource(EventSource, 'native-es', 'native EventSource'),
    eventsourceParser,
    eventsourceParserStream,
    eventsourceClient,
    fetchEventSourceClient,
    fetchEventStream,
    floor,
    floorJson,
  ]
}
