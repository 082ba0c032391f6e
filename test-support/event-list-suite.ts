import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack } from './example-app'
import type { Stack } from './example-app'

type Quote = ReturnType<Stack['tick']>

/**
 * The binding's `useEventList` in Chromium against the reference stock server: the page at `root`
 * lists `#updates` with a `max` of `max` and counts its requests in `globalThis.requests`. React's
 * page mounts under StrictMode, so "one connection" also covers the double mount there.
 */
export function describeEventListInChromium(root: string, max: number, title: string): void {
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack(root)
  }, 60_000)
  afterAll(async () => {
    await stack?.close()
  }, 60_000)

  const line = (quote: Quote) => `${quote.id} ${quote.symbol} ${quote.price.toFixed(2)}`

  /** Waits (bounded) for the list to show `lines`, then reads it for an exact assertion. */
  async function listOnceShowing(lines: string[]): Promise<string[]> {
    await stack.page
      .waitForFunction(
        (expected) =>
          JSON.stringify(
            [...document.querySelectorAll('#updates li')].map((li) => li.textContent),
          ) === expected,
        JSON.stringify(lines),
        { timeout: 15_000 },
      )
      .catch(() => {})
    return stack.page.$$eval('#updates li', (items) => items.map((li) => li.textContent ?? ''))
  }

  describe('useEventList in Chromium against the reference stock server', () => {
    it(
      title,
      async () => {
        await stack.page.waitForSelector('#status:text("open")', { timeout: 15_000 })
        const first = [stack.tick(), stack.tick()]
        expect(await listOnceShowing(first.map(line).reverse())).toEqual(first.map(line).reverse())

        // A burst of seven: every one is folded in, and only the newest `max` stay.
        const burst = Array.from({ length: 7 }, () => stack.tick())
        const expected = [...first, ...burst].map(line).reverse().slice(0, max)
        expect(await listOnceShowing(expected)).toEqual(expected)

        // Every reader shares the stream's one request (under StrictMode too).
        expect(
          await stack.page.evaluate(() => (globalThis as { requests?: number }).requests),
        ).toBe(1)
        expect(stack.pageErrors).toEqual([])
      },
      60_000,
    )
  })
}
