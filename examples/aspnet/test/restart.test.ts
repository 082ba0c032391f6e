// The server killed mid-stream with SIGKILL and started again on the same port: each Rivulet
// client (fetch and EventSource, in Node and in Chromium) resumes from its Last-Event-ID, and the
// ids it received, checked end to end, have no gap and no duplicate.
import { EventSource } from 'eventsource'
import { afterAll, describe, expect, it } from 'vitest'
import type { StockPriceEvent } from '../stock-events'
import { bounded } from './bounded'
import { startChromiumClients } from './chromium-page'
import type { ChromiumClients } from './chromium-page'
import { collect } from './collector'
import type { Received } from './collector'
import { openRaw, splitEvents } from './raw-stream'
import type { RawResponse } from './raw-stream'
import { startStockServer, stopAllStockServers } from './stock-server'
import type { StockServerProcess } from './stock-server'
import { quoteIn, strictlyIncreasing } from './wire-format'

let chromium: ChromiumClients | undefined
afterAll(async () => {
  await chromium?.dispose()
  await stopAllStockServers()
})

const CLIENTS = [
  'node fetch',
  'node eventsource',
  'chromium fetch',
  'chromium eventsource',
] as const
type Client = (typeof CLIENTS)[number]
const QUOTES_EACH_SIDE = 5

const idsOf = (response: RawResponse): string[] =>
  splitEvents(response.text()).map((event) => quoteIn(event).id)

/**
 * Freezes the server (SIGSTOP) at a moment when every client has every quote the observer has:
 * what was written before the freeze arrives, nothing new is sent. A quote caught half-delivered
 * (written to some sockets, not yet to others) would be lost by any in-memory server at a kill;
 * then the server runs on (SIGCONT) and the next moment is tried.
 */
async function freezeWhenSettled(
  server: StockServerProcess,
  observer: RawResponse,
  lastIds: () => Promise<string[]>,
): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    server.signal('SIGSTOP')
    for (let poll = 0; poll < 100; poll++) {
      const expected = idsOf(observer).at(-1) ?? ''
      const ids = await lastIds()
      if (ids.every((id) => id === expected)) return expected
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    server.signal('SIGCONT')
    await observer.events(idsOf(observer).length + 1)
  }
  throw new Error('no moment when every client had every quote')
}

describe('after SIGKILL and a restart on the same port', () => {
  it('every client resumes from Last-Event-ID: no gap, no duplicate, ids checked end to end', async () => {
    chromium = await startChromiumClients()
    const browser = chromium
    const flags = { interval: 100, retry: 100, origins: browser.origin }
    const first = await startStockServer(flags)
    const url = `${first.url}/stocks2`

    // Raw observers: the truth about what each process sent.
    const before = await openRaw(url)
    await before.events(1)
    const node = {
      'node fetch': collect<StockPriceEvent>(url, { transport: 'fetch' }),
      'node eventsource': collect<StockPriceEvent>(url, { transport: 'eventsource', EventSource }),
    }
    await browser.open('chromium fetch', url, 'fetch')
    await browser.open('chromium eventsource', url, 'eventsource')
    const read = async (client: Client): Promise<Received<StockPriceEvent>> =>
      client === 'node fetch' || client === 'node eventsource'
        ? node[client].received
        : browser.read<StockPriceEvent>(client)
    const waitFor = (client: Client, count: number): Promise<void> =>
      client === 'node fetch' || client === 'node eventsource'
        ? bounded(node[client].waitFor(count), `${count} quotes on ${client}`)
        : browser.waitFor(client, count)
    await Promise.all(CLIENTS.map((client) => waitFor(client, QUOTES_EACH_SIDE)))

    const lastBeforeKill = await freezeWhenSettled(first, before, () =>
      Promise.all(CLIENTS.map(async (client) => (await read(client)).lastEventIds.at(-1) ?? '')),
    )
    first.signal('SIGKILL')
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' })
    const sentBefore = idsOf(before)
    before.close()

    const second = await startStockServer({ ...flags, port: first.port })
    const counts = await Promise.all(
      CLIENTS.map(async (client) => (await read(client)).payloads.length),
    )
    await Promise.all(
      CLIENTS.map((client, i) => waitFor(client, (counts[i] ?? 0) + QUOTES_EACH_SIDE)),
    )
    for (const client of ['node fetch', 'node eventsource'] as const) node[client].close()
    await browser.close('chromium fetch')
    await browser.close('chromium eventsource')
    const received = await Promise.all(CLIENTS.map(read))

    // Every quote of the second process, from its first: what a client resuming from the last
    // id before the kill must get.
    const newest =
      received
        .map((r) => r.lastEventIds.at(-1) ?? '')
        .sort()
        .at(-1) ?? ''
    const after = await openRaw(url, { 'Last-Event-ID': lastBeforeKill })
    await after.eventsUntil(`id: ${newest}\n`)
    after.close()
    const sentAfter = idsOf(after)
    const truth = [...sentBefore, ...sentAfter]

    const summary = CLIENTS.map((client, i) => {
      const ids = received[i]?.lastEventIds ?? []
      const payloadIds = received[i]?.payloads.map((quote) => quote.id) ?? []
      const span = truth.slice(truth.indexOf(ids[0] ?? ''), truth.indexOf(ids.at(-1) ?? '') + 1)
      return {
        client,
        received: ids.length,
        afterRestart: ids.filter((id) => id > lastBeforeKill).length,
        first: ids[0],
        last: ids.at(-1),
        gaps: span.filter((id) => !ids.includes(id)).length,
        duplicates: ids.length - new Set(ids).size,
        idsMatchPayloads: ids.every((id, k) => id === payloadIds[k]),
        increasing: strictlyIncreasing(ids),
        // Exactly the truth from its first id on: the observer's run, then the second process's.
        exact: JSON.stringify(ids) === JSON.stringify(span),
        errors: received[i]?.errors ?? [],
      }
    })
    console.info(`restart: last id before the kill ${lastBeforeKill}; first after ${sentAfter[0]}`)
    console.table(summary)

    for (const row of summary) {
      expect(row).toEqual({
        ...row,
        gaps: 0,
        duplicates: 0,
        idsMatchPayloads: true,
        increasing: true,
        exact: true,
      })
      expect(row.afterRestart).toBeGreaterThanOrEqual(QUOTES_EACH_SIDE)
      // Its first quote after the restart is the second process's first: nothing skipped.
      const ids = received[CLIENTS.indexOf(row.client)]?.lastEventIds ?? []
      expect(ids[ids.indexOf(lastBeforeKill) + 1]).toBe(sentAfter[0])
    }

    // Each client came back with its id (header or query parameter), none as a new client.
    const escaped = lastBeforeKill.replace(/\./g, '\\.')
    await second.waitForOutput(
      new RegExp(`(/stocks2 after "${escaped}"[^]*){${CLIENTS.length + 1}}`),
    )
    const resumes = second
      .connectionLines()
      .filter((line) => line.includes(`/stocks2 after "${lastBeforeKill}"`))
    expect(resumes).toHaveLength(CLIENTS.length + 1)
    expect(second.connectionLines().filter((line) => line.includes('/stocks2 new'))).toEqual([])
    expect(second.problems()).toEqual([])
  })
})
