// Bundled by chromium-page.ts and run in a Chromium page: Rivulet clients the test drives by name.
import { collect } from './collector'
import type { Collector, Received } from './collector'

const clients = new Map<string, Collector<unknown>>()

export interface BrowserClients {
  open(name: string, url: string, transport: 'fetch' | 'eventsource'): void
  read(name: string): Received<unknown> | undefined
  close(name: string): void
}

const api: BrowserClients = {
  // Native EventSource: the page's own constructor is the default.
  open: (name, url, transport) => void clients.set(name, collect(url, { transport })),
  read: (name) => clients.get(name)?.received,
  close: (name) => clients.get(name)?.close(),
}
;(globalThis as { rivulet?: BrowserClients }).rivulet = api
