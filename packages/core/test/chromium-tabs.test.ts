import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../../test-support/chromium'
import { eventually, idsUpTo, recordOnce, startPageServer } from './page-harness'
import type { PageServer } from './page-harness'

let server: PageServer
let browser: Browser

beforeAll(async () => {
  server = await startPageServer()
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

// How long another page may take to hold the connection after the leader's page closed: a
// guard against a takeover that never comes, set far above what a loaded CI machine needs.
const TAKEOVER_BOUND = 10_000

describe.each([
  ['Web Locks', false],
  ['the BroadcastChannel fallback (navigator.locks removed)', true],
])('share: acrossTabs() in Chromium, elected with %s', { timeout: 60_000 }, (_, withoutLocks) => {
  it('holds one connection for three pages and hands it over when the leader closes, every id once and in order everywhere', async () => {
    const { feed } = server
    feed.reset()
    const before = feed.requests.length
    const context = await browser.newContext()
    if (withoutLocks)
      await context.addInitScript(() =>
        Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }),
      )
    const pages = new Map<string, Page>()
    try {
      for (const tab of ['a', 'b', 'c']) {
        const page = await context.newPage()
        await server.openStream(page, { tab, options: { share: 'tabs' } })
        pages.set(tab, page)
      }
      for (const page of pages.values()) await recordOnce(page, (r) => r.states.includes('open'))
      const requests = () => feed.attempts(before)
      // Web Locks elect exactly one leader. The fallback's election runs on timers: on a starved
      // machine two pages may claim at once, and the younger stands down (so: one or two
      // attempts, and one connection once it has).
      expect(await eventually(() => feed.open === 1, TAKEOVER_BOUND)).toBe(true)
      const elected = requests().length
      expect(elected).toBe(withoutLocks ? Math.min(elected, 2) : 1)
      const leader = String(feed.openRequests[0]?.headers['x-tab'])
      expect(await pages.get('a')?.evaluate(() => navigator.locks === undefined)).toBe(withoutLocks)

      feed.publish(3)
      for (const page of pages.values()) await recordOnce(page, (r) => r.ids.length === 3)
      const first = feed.ids.at(-1) as string

      await pages.get(leader)?.close()
      pages.delete(leader)
      // Sent while the connection changes hands: the next leader must ask for them.
      feed.publish(3)
      expect(await eventually(() => requests().length === elected + 1, TAKEOVER_BOUND)).toBe(true)
      const takeover = requests()[elected]
      expect(takeover?.lastEventId).toBe(first)
      expect(takeover?.headers['x-tab']).not.toBe(leader)

      feed.publish(2)
      const total = feed.ids.length
      for (const page of pages.values()) {
        const record = await recordOnce(page, (r) => r.ids.length >= total)
        expect(record.ids).toEqual(idsUpTo(total))
      }
      expect(requests()).toHaveLength(elected + 1)
      expect(feed.open).toBe(1)
    } finally {
      await context.close()
    }
  })
})
