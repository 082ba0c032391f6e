import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchChromiumForLifecycle } from '../../../test-support/chromium'
import type { PageLifecycleBrowser } from '../../../test-support/chromium'
import {
  eventually,
  idsUpTo,
  recordOf,
  recordOnce,
  startPageServer,
  startStream,
} from './page-harness'
import type { PageServer, ReplayingFeed } from './page-harness'

// The page lifecycle as Chromium really runs it. Every page here is a tab of one window (see
// `launchChromiumForLifecycle`): the one in front is visible, the others are hidden, so
// visibility is driven by opening a tab and by `bringToFront()`, with no override of
// `document.visibilityState`. Freezing goes through the DevTools protocol, which Chromium only
// honours for a hidden page.

let server: PageServer
let chrome: PageLifecycleBrowser
let context: BrowserContext
let feed: ReplayingFeed
let pages: Page[]
let before: number

beforeAll(async () => {
  server = await startPageServer()
  chrome = await launchChromiumForLifecycle()
  context = chrome.context
  feed = server.feed
}, 60_000)

afterAll(async () => {
  await chrome?.close()
  await server?.close()
})

beforeEach(() => {
  feed.reset()
  before = feed.requests.length
  pages = []
})

afterEach(async () => {
  for (const page of pages) await page.close()
})

/** A new tab, in front: every other tab is hidden now. */
async function newTab(): Promise<Page> {
  const page = await context.newPage()
  pages.push(page)
  return page
}

/** The connection attempts pages made in this test, as the server saw them. */
const requests = () => feed.attempts(before)

async function devtools(page: Page): Promise<CDPSession> {
  return context.newCDPSession(page)
}

const online = (cdp: CDPSession, on: boolean) =>
  cdp.send('Network.emulateNetworkConditions', {
    offline: !on,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  })

describe('the page lifecycle in Chromium', { timeout: 60_000 }, () => {
  it('pauses a hidden page after the grace period and resumes with the right Last-Event-ID when it is shown', async () => {
    const page = await newTab()
    await server.openStream(page, { tab: 'p', options: { pauseWhenHidden: 300 } })
    await recordOnce(page, (r) => r.states.includes('open'))
    feed.publish(2)
    await recordOnce(page, (r) => r.ids.length === 2)

    await newTab()
    const paused = await recordOnce(page, (r) => r.states.includes('paused:hidden'))
    expect(paused.page.at(-1)).toBe('hidden')
    expect(await eventually(() => feed.open === 0)).toBe(true)
    feed.publish(2)

    await page.bringToFront()
    const resumed = await recordOnce(page, (r) => r.ids.length === 4)
    expect(resumed.page.at(-1)).toBe('visible')
    expect(resumed.ids).toEqual(idsUpTo(4))
    expect(resumed.states).toEqual([
      'idle',
      'connecting',
      'open',
      'paused:hidden',
      'connecting',
      'open',
    ])
    expect(requests().map((r) => r.lastEventId)).toEqual([undefined, '2'])
  })

  it('makes no attempt while offline and one with the right Last-Event-ID when back online', async () => {
    const page = await newTab()
    await server.openStream(page, { tab: 'p', options: { pauseWhenOffline: true } })
    await recordOnce(page, (r) => r.states.includes('open'))
    feed.publish(2)
    await recordOnce(page, (r) => r.ids.length === 2)
    const cdp = await devtools(page)
    await cdp.send('Network.enable')
    await online(cdp, false)
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
    // Chromium's offline emulation leaves an open response streaming: the server cuts it.
    expect(feed.open).toBe(1)
    feed.drop()
    const paused = await recordOnce(page, (r) => r.states.includes('paused:offline'))
    expect(paused.states).toEqual(['idle', 'connecting', 'open', 'paused:offline'])
    feed.publish(2)
    // Fifty-millisecond retries would have made several attempts in this time.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(requests()).toHaveLength(1)

    await online(cdp, true)
    const resumed = await recordOnce(page, (r) => r.ids.length === 4)
    expect(resumed.ids).toEqual(idsUpTo(4))
    expect(resumed.states).toEqual([
      'idle',
      'connecting',
      'open',
      'paused:offline',
      'connecting',
      'open',
    ])
    expect(requests().map((r) => r.lastEventId)).toEqual([undefined, '2'])
  })

  it('resumes from the persisted id after a reload, and dedupe drops what a server sends again', async () => {
    const stream = { tab: 'p', options: { persist: 'session', dedupe: true } } as const
    const page = await newTab()
    await server.openStream(page, stream)
    await recordOnce(page, (r) => r.states.includes('open'))
    feed.publish(3)
    await recordOnce(page, (r) => r.ids.length === 3)

    await page.reload()
    expect(await page.evaluate(() => sessionStorage.getItem('rivulet:/sse'))).toBe('3')
    await startStream(page, stream)
    feed.publish(2)
    await recordOnce(page, (r) => r.ids.length === 2)
    expect(requests().map((r) => r.lastEventId)).toEqual([undefined, '3'])

    // A server that replays from the event it was told was last: that one comes again.
    feed.overlap = true
    feed.drop()
    expect(await eventually(() => requests().length === 3)).toBe(true)
    feed.publish()
    const after = await recordOnce(page, (r) => r.ids.length === 3)
    expect(after.ids).toEqual(['4', '5', '6'])
    expect(after.asked).toEqual(['3', '5'])
    expect(requests().map((r) => r.lastEventId)).toEqual([undefined, '3', '5'])
  })

  it('keeps the page and its open stream in the back/forward cache, and reconnectOnResume reconnects once on pageshow', async () => {
    const page = await newTab()
    await server.openStream(page, { tab: 'p', options: { reconnectOnResume: true } })
    await recordOnce(page, (r) => r.states.includes('open'))
    feed.publish(2)
    await recordOnce(page, (r) => r.ids.length === 2)

    await page.goto(server.origin + '/other')
    // In the cache, the page keeps its response open: the server can still write to it.
    expect(feed.open).toBe(1)
    feed.publish()
    await page.goBack({ waitUntil: 'commit' })
    const back = await recordOnce(page, (r) => r.asked.length === 2 && r.states.at(-1) === 'open')
    // The same page came back (its record survived), and the order of Chromium's events.
    expect(back.page).toEqual([
      'pageshow:false',
      'pagehide:true',
      'hidden',
      'freeze',
      'resume',
      'visible',
      'pageshow:true',
    ])
    expect(back.ids).toEqual(idsUpTo(3))
    expect(back.states).toEqual(['idle', 'connecting', 'open', 'connecting', 'open'])
    // The event sent to the cached page arrives after it is restored, before or after `pageshow`
    // (it varies from run to run): the one reconnection resumes after what had arrived by then,
    // and replays the rest.
    const resumedFrom = back.asked[1] as string
    expect(['2', '3']).toContain(resumedFrom)
    expect(requests().map((r) => r.lastEventId)).toEqual([undefined, resumedFrom])
  })

  it('reconnects a frozen page on resume with the right Last-Event-ID', async () => {
    const page = await newTab()
    await server.openStream(page, { tab: 'p', options: { reconnectOnResume: true } })
    await recordOnce(page, (r) => r.states.includes('open'))
    feed.publish(2)
    await recordOnce(page, (r) => r.ids.length === 2)
    await newTab()
    const cdp = await devtools(page)
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' })
    feed.publish()
    await cdp.send('Page.setWebLifecycleState', { state: 'active' })

    const resumed = await recordOnce(
      page,
      (r) => r.asked.length === 2 && r.states.at(-1) === 'open' && r.ids.length === 3,
    )
    expect(resumed.page).toEqual(['pageshow:false', 'hidden', 'freeze', 'resume'])
    expect(resumed.ids).toEqual(idsUpTo(3))
    expect(resumed.states).toEqual(['idle', 'connecting', 'open', 'connecting', 'open'])
    // As in the cache: the event sent while frozen may or may not have been read when `resume`
    // comes; the new connection resumes after what was, and replays the rest.
    const resumedFrom = resumed.asked[1] as string
    expect(['2', '3']).toContain(resumedFrom)
    expect(requests().map((r) => r.lastEventId)).toEqual([undefined, resumedFrom])
  })
})

describe('share: acrossTabs() through the page lifecycle in Chromium', { timeout: 60_000 }, () => {
  it('hands the connection from a leader hidden into a pause to the visible page, and back', async () => {
    // Long enough a grace for B to load and join before A, hidden by B's tab, pauses.
    const options = { share: 'tabs', pauseWhenHidden: 1500 } as const
    const a = await newTab()
    await server.openStream(a, { tab: 'a', options })
    await recordOnce(a, (r) => r.states.includes('open'))
    feed.publish(2)
    await recordOnce(a, (r) => r.ids.length === 2)

    const b = await newTab()
    await server.openStream(b, { tab: 'b', options })
    if (!(await eventually(() => requests().length === 2)))
      console.log(
        'DIAG',
        JSON.stringify(await recordOf(a)),
        JSON.stringify(await recordOf(b)),
        JSON.stringify(requests().map((r) => [r.headers['x-tab'], r.lastEventId])),
        feed.open,
      )
    expect(await eventually(() => requests().length === 2)).toBe(true)
    expect((await recordOnce(a, (r) => r.states.includes('paused:hidden'))).page.at(-1)).toBe(
      'hidden',
    )
    feed.publish(2)
    await recordOnce(b, (r) => r.ids.length === 2)

    await a.bringToFront()
    expect(await eventually(() => requests().length === 3)).toBe(true)
    feed.publish(2)
    const shown = await recordOnce(a, (r) => r.ids.length === 6)
    const hidden = await recordOnce(b, (r) => r.states.includes('paused:hidden'))
    expect(shown.ids).toEqual(idsUpTo(6))
    // B joined after events 1 and 2, from an empty last event ID: it starts from what came next.
    expect(hidden.ids).toEqual(['3', '4'])
    expect(requests().map((r) => [r.headers['x-tab'], r.lastEventId])).toEqual([
      ['a', undefined],
      ['b', '2'],
      ['a', '4'],
    ])
    expect(feed.open).toBe(1)
  })

  it('hands the connection from a frozen leader to another page, and catches the leader up when it resumes', async () => {
    const options = { share: 'tabs' } as const
    const a = await newTab()
    await server.openStream(a, { tab: 'a', options })
    await recordOnce(a, (r) => r.states.includes('open'))
    const b = await newTab()
    await server.openStream(b, { tab: 'b', options })
    await recordOnce(b, (r) => r.states.includes('open'))
    feed.publish(2)
    await recordOnce(b, (r) => r.ids.length === 2)

    const cdp = await devtools(a)
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' })
    expect(await eventually(() => requests().length === 2)).toBe(true)
    feed.publish(2)
    await recordOnce(b, (r) => r.ids.length === 4)
    await cdp.send('Page.setWebLifecycleState', { state: 'active' })
    feed.publish(2)

    const resumed = await recordOnce(a, (r) => r.ids.length === 6)
    const other = await recordOnce(b, (r) => r.ids.length === 6)
    expect(resumed.page).toEqual(['pageshow:false', 'hidden', 'freeze', 'resume'])
    expect(resumed.ids).toEqual(idsUpTo(6))
    expect(other.ids).toEqual(idsUpTo(6))
    expect(requests().map((r) => [r.headers['x-tab'], r.lastEventId])).toEqual([
      ['a', undefined],
      ['b', '2'],
    ])
    expect(feed.open).toBe(1)
  })
})
