// @vitest-environment node
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack } from '../../../test-support/example-app'
import type { Stack } from '../../../test-support/example-app'

const root = join(dirname(fileURLToPath(import.meta.url)), 'browser')
/** The app's `max` (browser/main.ts). */
const MAX = 5
let stack: Stack
type Quote = ReturnType<Stack['tick']>

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
  it('shows the latest quotes newest first, bounded, over one connection', async () => {
    await stack.page.waitForSelector('#status:text("open")', { timeout: 15_000 })
    const first = [stack.tick(), stack.tick()]
    expect(await listOnceShowing(first.map(line).reverse())).toEqual(first.map(line).reverse())

    // A burst of seven: every one is folded in, and only the newest five stay.
    const burst = Array.from({ length: 7 }, () => stack.tick())
    const expected = [...first, ...burst].map(line).reverse().slice(0, MAX)
    expect(await listOnceShowing(expected)).toEqual(expected)

    // The list and the status share the stream's one connection.
    expect(await stack.page.evaluate(() => (globalThis as { requests?: number }).requests)).toBe(1)
    expect(stack.pageErrors).toEqual([])
  }, 60_000)
})
