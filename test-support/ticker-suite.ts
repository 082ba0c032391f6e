// The end-to-end suite every ticker app passes, word for word: the same page, the same outages,
// the same ids. Each app's test file calls `describeTickerApp` with its root.

import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Quote } from '@rivulet/example-server'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeCheck } from './axe'
import { startStack } from './example-app'
import type { Stack } from './example-app'
import {
  boardOnce,
  expectedBoard,
  expectedTrends,
  expectedUpdates,
  factsOnce,
  readFacts,
  readTrends,
  textOnce,
  updatesOnce,
  WAIT_MS,
} from './ticker-page'

export interface TickerAppSpec {
  /** As the test names say it: `React`, `Vue`, `vanilla`. */
  readonly name: string
  /** The app's folder (Vite's root). */
  readonly root: string
  /** The line under the title, which names the flavour. */
  readonly subtitle: string
  /**
   * Where the README's picture lives: written from this run's screenshot when
   * `UPDATE_README_SCREENSHOT=1` (see examples/react's `screenshot` script).
   */
  readonly readmeScreenshot?: string
}

// The stall must outlast the idle watchdog, and heartbeats keep a healthy stream from tripping it.
const IDLE_TIMEOUT = 2000
const HEARTBEAT_MS = 500

const RECONNECT = 'Reconnect now'
const OUTAGE_BUTTONS = [
  'Drop the connection mid-event',
  'Stall the stream',
  'Answer 503 with Retry-After',
  'Restart the server',
]
const BUTTONS = [RECONNECT, ...OUTAGE_BUTTONS]
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Presses a button from the keyboard, as a user without a mouse would. */
async function press(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).focus()
  await page.keyboard.press('Enter')
}

export function describeTickerApp(spec: TickerAppSpec): void {
  let stack: Stack
  /** Every quote of the current feed, oldest first: what the page must show, no more, no less. */
  const feed: Quote[] = []
  /** The live list holds the lines of the feeds before a reset too, under the new ones. */
  let earlier: ReturnType<typeof expectedUpdates> = []
  const publish = (count: number) => {
    for (let i = 0; i < count; i++) feed.push(stack.tick())
  }
  const lastId = () => String(feed.at(-1)?.id ?? '—')
  const allIds = () => `1–${feed.length} · no gap · no repeat`

  beforeAll(async () => {
    stack = await startStack(spec.root, { idleTimeout: IDLE_TIMEOUT, heartbeatMs: HEARTBEAT_MS })
  })
  afterAll(async () => {
    await stack?.close()
  })

  /**
   * Presses an outage button, does what the outage needs meanwhile, waits for the page to be
   * live again, publishes three more quotes and reads every id the page received.
   */
  async function survive(
    button: string,
    answer: string | undefined,
    meanwhile: () => Promise<void>,
  ) {
    const page = stack.page
    const before = Number((await readFacts(page)).reconnections)
    await press(page, button)
    if (answer !== undefined) {
      expect(await textOnce(page, '#outage-result', answer)).toBe(answer)
    }
    await meanwhile()
    const back = await factsOnce(page, { state: 'open', reconnections: String(before + 1) })
    expect([back.status, back.reconnections]).toEqual(['Live', String(before + 1)])
    publish(3)
    const lines = expectedUpdates(feed)
    expect(await updatesOnce(page, lines)).toEqual(lines)
    const facts = await factsOnce(page, { ids: allIds(), lastEventId: lastId() })
    expect([facts.ids, facts.lastEventId, facts.received]).toEqual([
      allIds(),
      lastId(),
      String(feed.length),
    ])
    // One connection, however many came and went.
    await expect.poll(() => stack.stocks.connectionCount, { timeout: WAIT_MS }).toBe(1)
    return facts
  }

  describe(`the ${spec.name} ticker in Chromium`, () => {
    it('shows every symbol on the board before the first quote, over one live connection', async () => {
      const page = stack.page
      expect(await factsOnce(page, { state: 'open' })).toEqual({
        state: 'open',
        status: 'Live',
        lastEventId: '—',
        reconnections: '0',
        lastError: 'None',
        ids: 'None yet',
        received: '0',
      })
      expect(await boardOnce(page, expectedBoard([]))).toEqual(expectedBoard([]))
      expect((await page.locator('#feed-empty').textContent())?.trim()).toBe(
        'Waiting for the first update…',
      )
      expect(await page.locator('h1, h2').allTextContents()).toEqual([
        'Live Stock Market Updates',
        'Market',
        'Live updates',
        'Connection',
        'Outages',
      ])
      expect((await page.locator('.subtitle').textContent())?.trim()).toBe(spec.subtitle)
      expect((await page.getByRole('button').allTextContents()).map((text) => text.trim())).toEqual(
        BUTTONS,
      )
      await expect.poll(() => stack.stocks.connectionCount, { timeout: WAIT_MS }).toBe(1)
    })

    it('puts each quote at the top of the live list, and the board follows', async () => {
      const page = stack.page
      publish(12)
      const lines = expectedUpdates(feed)
      expect(await updatesOnce(page, lines)).toEqual(lines)
      expect(await boardOnce(page, expectedBoard(feed))).toEqual(expectedBoard(feed))
      expect(await readTrends(page)).toEqual(expectedTrends(feed))
      expect(await factsOnce(page, { ids: allIds() })).toMatchObject({
        lastEventId: '12',
        ids: '1–12 · no gap · no repeat',
        received: '12',
      })
      expect(await page.locator('#rate').textContent()).toMatch(/^\d+\.\d$/)
    })

    it('reaches the live list and every button with the Tab key', async () => {
      const page = stack.page
      await page.locator('body').focus()
      const reached: string[] = []
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab')
        reached.push(
          await page.evaluate(() => {
            const active = document.activeElement
            return active?.id === 'updates' ? 'the live list' : (active?.textContent?.trim() ?? '')
          }),
        )
      }
      expect(reached.slice(0, 6)).toEqual(['the live list', ...BUTTONS])
    })

    it('has no accessibility violations', async () => {
      expect((await axeCheck(stack.page)).violations).toEqual([])
    })

    it('reconnects at once on "Reconnect now", resuming after the last id', async () => {
      const facts = await survive(RECONNECT, undefined, async () => {})
      // The client dropped its own connection: no error at all.
      expect(facts.lastError).toBe('None')
    })

    it('resumes after a drop mid-event with no gap and no duplicate', async () => {
      const facts = await survive(
        'Drop the connection mid-event',
        'Dropping 1 stream inside the next event.',
        // The next quote is the one cut in half: the page must get it whole, once, on resume.
        async () => publish(1),
      )
      expect(facts.lastError).toMatch(/^Network error: .+ \(recovered\)$/)
    })

    it('resumes after a stall, caught by the idle watchdog, with no gap and no duplicate', async () => {
      const facts = await survive('Stall the stream', 'Stalled 1 stream for 4 s.', async () =>
        // Published while the stream is silent: they arrive by replay after the watchdog fires.
        publish(2),
      )
      expect(facts.lastError).toBe('No data for 2 s: the idle watchdog reconnected (recovered)')
    })

    it('waits as a 503 with Retry-After says, counting down, then resumes with no gap', async () => {
      const page = stack.page
      const facts = await survive(
        'Answer 503 with Retry-After',
        'Cut 1 stream; the next 2 requests get 503 with Retry-After: 2.',
        async () => {
          publish(2)
          const waiting = await factsOnce(page, {
            state: 'reconnecting',
            lastError: 'HTTP 503 Service Unavailable · Retry-After 2 s (ongoing)',
          })
          expect(waiting.lastError).toBe('HTTP 503 Service Unavailable · Retry-After 2 s (ongoing)')
          expect(waiting.status).toMatch(/^Reconnecting (in \d s|now) · attempt [2-9]$/)
        },
      )
      expect(facts.lastError).toBe('HTTP 503 Service Unavailable · Retry-After 2 s (recovered)')
    })

    it('resumes across a server restart with the same ids: no reset, no gap', async () => {
      const facts = await survive(
        'Restart the server',
        'Restarting the server: down for 2 s.',
        async () => publish(2),
      )
      expect(facts.lastError).toMatch(/^Network error: .+ \(recovered\)$/)
      expect(await stack.page.locator('#notice').isHidden()).toBe(true)
      expect(await stack.page.locator('#updates li.marker').count()).toBe(0)
      expect(facts.reconnections).toBe('5')
    })

    it('saves a screenshot of the page after the outages', async () => {
      const file = join(spec.root, 'test-results', 'ticker.png')
      await mkdir(join(spec.root, 'test-results'), { recursive: true })
      await stack.page.screenshot({ path: file, fullPage: true })
      expect((await readFile(file)).subarray(0, 8)).toEqual(PNG_SIGNATURE)
      if (process.env.UPDATE_README_SCREENSHOT === '1' && spec.readmeScreenshot !== undefined) {
        await copyFile(file, spec.readmeScreenshot)
      }
    })

    it('skips an event that is not a quote, says so, and loses no quote', async () => {
      // Armed for the next connections: after its first quote, an event whose data is not JSON.
      // Two, then disarmed: Chromium has been seen to send a reconnection's request twice (the
      // server saw both; the page read the second), and the page must meet the fault either way.
      const faults = `${stack.stocksUrl}/control/faults`
      const armed = await fetch(`${faults}?malformedAfter=1&times=2`, { method: 'POST' })
      expect(armed.status).toBe(200)
      const facts = await survive(RECONNECT, undefined, async () => {})
      await fetch(faults, { method: 'DELETE' })
      expect(facts.lastError).toMatch(/^could not decode "stockUpdate" event: .+ \(recovered\)$/)
    })

    it('shows a reset as a notice and starts the board afresh', async () => {
      const page = stack.page
      const resumeFrom = lastId()
      earlier = expectedUpdates(feed)
      // A new feed on the same address: it cannot resume after an id it never issued.
      await stack.restartStocks()
      feed.length = 0
      const notice = `The server could not resume after id ${resumeFrom}: it does not know it (a feed started afresh). Quotes were missed, so the board starts afresh.`
      expect(await textOnce(page, '#notice-text', notice)).toBe(notice)
      expect(await boardOnce(page, expectedBoard([]))).toEqual(expectedBoard([]))
      expect((await page.locator('#updates li').first().textContent())?.trim()).toBe(
        `Feed reset · ${notice}`,
      )
      expect((await readFacts(page)).ids).toBe('None yet')

      publish(3)
      const lines = [...expectedUpdates(feed), ...earlier]
      expect(await updatesOnce(page, lines)).toEqual(lines)
      expect(await boardOnce(page, expectedBoard(feed))).toEqual(expectedBoard(feed))
      expect(await factsOnce(page, { ids: allIds() })).toMatchObject({
        ids: '1–3 · no gap · no repeat',
        lastEventId: '3',
        reconnections: '7',
      })
      expect((await axeCheck(page)).violations).toEqual([])

      await press(page, 'Dismiss')
      await page.locator('#notice').waitFor({ state: 'hidden', timeout: WAIT_MS })
      expect(await page.locator('#notice').isHidden()).toBe(true)
      expect(stack.pageErrors).toEqual([])
    })
  })
}
