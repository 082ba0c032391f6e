import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Quote } from '@rivulet/example-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack } from '../../../test-support/example-app'
import type { Stack } from '../../../test-support/example-app'
import { badgeOnce, expectedRows, rowsOnceShowing } from '../../../test-support/quote-table'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
let stack: Stack

beforeAll(async () => {
  stack = await startStack(root)
})
afterAll(async () => {
  await stack?.close()
})

describe('the vanilla ticker in Chromium', () => {
  const quotes: Quote[] = []

  it('connects and says so on the badge', async () => {
    expect(await badgeOnce(stack.page, 'open')).toEqual({ state: 'open', text: 'open' })
    expect(await stack.page.isVisible('#empty')).toBe(true)
  })

  it('shows one row per symbol with the latest price and its move', async () => {
    for (let i = 0; i < 12; i++) quotes.push(stack.tick())
    const rows = expectedRows(quotes)
    expect(await rowsOnceShowing(stack.page, rows)).toEqual(rows)
    expect(await stack.page.isVisible('#empty')).toBe(false)
  })

  it('updates a price when its symbol is quoted again', async () => {
    const before = expectedRows(quotes)
    for (let i = 0; i < 6; i++) quotes.push(stack.tick())
    const after = expectedRows(quotes)
    expect(after).not.toEqual(before)
    expect(await rowsOnceShowing(stack.page, after)).toEqual(after)
  })

  it('shows reconnecting with the attempt and delay when the server goes away', async () => {
    await stack.stopStocks()
    const badge = await badgeOnce(stack.page, 'reconnecting')
    expect(badge.state).toBe('reconnecting')
    expect(badge.text).toMatch(/^reconnecting \(attempt \d+ in \d+\.\d s\)$/)
    // The next attempt finds nothing listening, and the error list says so.
    const error = await stack.page.waitForSelector('#errors li', { timeout: 15_000 })
    expect(await error.textContent()).toMatch(
      /network error: Failed to fetch \(server unreachable, or request blocked by CORS/,
    )
  })

  it('starts the table afresh when a restarted server resets the feed', async () => {
    await stack.restartStocks()
    expect(await badgeOnce(stack.page, 'open')).toEqual({ state: 'open', text: 'open' })
    // The new server's ids start over, so it answered our last id with a reset event.
    expect(await rowsOnceShowing(stack.page, [])).toEqual([])
    const fresh = [stack.tick(), stack.tick(), stack.tick()]
    const rows = expectedRows(fresh)
    expect(await rowsOnceShowing(stack.page, rows)).toEqual(rows)
    expect(stack.pageErrors).toEqual([])
  })
})
