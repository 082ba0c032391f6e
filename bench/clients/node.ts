// The clients of the Node suites, in table order.
import { EventSource } from 'eventsource'
import { floor, floorJson } from './floors'
import {
  bareEventSource,
  eventsourceClient,
  eventsourceParser,
  eventsourceParserStream,
  fetchEventSourceClient,
  fetchEventStream,
  type BareEventSource,
} from './peers'
import { rivuletEventSource, rivuletFetch, rivuletParser } from './rivulet'
import type { Client } from './types'

const PackageEventSource = EventSource as unknown as BareEventSource

export const nodeClients: readonly Client[] = [
  rivuletFetch,
  rivuletParser,
  rivuletEventSource(EventSource, 'the eventsource package'),
  bareEventSource(PackageEventSource, 'eventsource', 'eventsource 4.1 (bare)'),
  eventsourceClient,
  fetchEventSourceClient,
  fetchEventStream,
  eventsourceParserStream,
  eventsourceParser,
  floor,
  floorJson,
]

export function nodeClient(id: string): Client {
  const client = nodeClients.find((c) => c.id === id)
  if (client === undefined) throw new Error(`no Node client ${id}`)
  return client
}
