// Reading the ticker page as a user reads it, and what it should say after given quotes. The
// expectations are written here from the quotes themselves, not with the apps' own formatting,
// so a wrong word or number in the shared code fails the tests.

import type { Quote } from '@rivulet/example-server'
import type { Page } from 'playwright-core'

/** The bound on every wait in the browser. */
export const WAIT_MS = 20_000

/** The board's symbols, in its order. */
const BOARD_SYMBOLS = ['AAPL', 'AMZN', 'GOOG', 'META', 'MSFT', 'NFLX', 'NVDA', 'TSLA']

/** A line of the live list: `[id, time, symbol, price, change, direction]`. */
export type UpdateLine = readonly [string, string, string, string, string, string]
/** A row of the board: `[symbol, price, change]`. */
export type BoardLine = readonly [string, string, string]

const money = (n: number) =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
const move = (change: number | undefined) =>
  change === undefined
    ? '—'
    : change === 0
      ? '0.00'
      : `${change > 0 ? '▲ +' : '▼ -'}${Math.abs(change).toFixed(2)}`
const way = (change: number | undefined) =>
  change === undefined || change === 0 ? 'flat' : change > 0 ? 'up' : 'down'

/** Each quote's move from the quote before it of the same symbol, among `quotes`. */
function moves(quotes: readonly Quote[]): (number | undefined)[] {
  const last = new Map<string, number>()
  return quotes.map((quote) => {
    const previous = last.get(quote.symbol)
    last.set(quote.symbol, quote.price)
    return previous === undefined ? undefined : quote.price - previous
  })
}

/** The live list after `quotes` (oldest first, one feed): newest first. */
export function expectedUpdates(quotes: readonly Quote[]): UpdateLine[] {
  const changes = moves(quotes)
  return quotes
    .map((quote, i): UpdateLine => {
      const change = changes[i]
      // The page runs in UTC (see startStack), on a 24-hour clock.
      return [
        String(quote.id),
        quote.timestamp.slice(11, 19),
        quote.symbol,
        money(quote.price),
        move(change),
        way(change),
      ]
    })
    .reverse()
}

/** The board after `quotes` (one feed): every symbol, its latest price and move with its share. */
export function expectedBoard(quotes: readonly Quote[]): BoardLine[] {
  const changes = moves(quotes)
  const latest = new Map<string, { price: number; change: number | undefined }>()
  quotes.forEach((quote, i) => latest.set(quote.symbol, { price: quote.price, change: changes[i] }))
  return BOARD_SYMBOLS.map((symbol): BoardLine => {
    const row = latest.get(symbol)
    if (row === undefined) return [symbol, '—', '—']
    const { price, change } = row
    if (change === undefined || change === 0) return [symbol, money(price), move(change)]
    const share = (change / (price - change)) * 100
    return [
      symbol,
      money(price),
      `${move(change)} (${share > 0 ? '+' : '-'}${Math.abs(share).toFixed(2)}%)`,
    ]
  })
}

/** The accessible names of the board's sparklines after `quotes`. */
export function expectedTrends(quotes: readonly Quote[]): string[] {
  return BOARD_SYMBOLS.map((symbol) => {
    const prices = quotes
      .filter((quote) => quote.symbol === symbol)
      .map((quote) => quote.price)
      .slice(-30)
    const first = prices[0]
    const last = prices.at(-1)
    if (prices.length < 2 || first === undefined || last === undefined)
      return `${symbol}: no trend yet`
    return `${symbol}: last ${prices.length} prices, from ${money(first)} to ${money(last)}`
  })
}

function readUpdates(page: Page): Promise<UpdateLine[]> {
  return page.$$eval('#updates li.update', (items) =>
    items.map((li) => {
      const text = (selector: string) => li.querySelector(selector)?.textContent?.trim() ?? ''
      const direction = ['up', 'down', 'flat'].find((name) => li.classList.contains(name)) ?? ''
      return [
        li.dataset.id ?? '',
        text('time'),
        text('.symbol'),
        text('.price'),
        text('.change'),
        direction,
      ] as const
    }),
  )
}

function readBoard(page: Page): Promise<BoardLine[]> {
  return page.$$eval('#board tr', (rows) =>
    rows.map((tr) => {
      const text = (selector: string) => tr.querySelector(selector)?.textContent?.trim() ?? ''
      return [text('.symbol'), text('.price'), text('.change')] as const
    }),
  )
}

export function readTrends(page: Page): Promise<string[]> {
  return page.$$eval('#board svg', (svgs) =>
    svgs.map((svg) => svg.getAttribute('aria-label') ?? ''),
  )
}

/** The connection panel and the count, as shown. */
export interface Facts {
  readonly state: string
  readonly status: string
  readonly lastEventId: string
  readonly reconnections: string
  readonly lastError: string
  readonly ids: string
  readonly received: string
}

export function readFacts(page: Page): Promise<Facts> {
  return page.evaluate((): Facts => {
    const text = (id: string) => document.getElementById(id)?.textContent?.trim() ?? ''
    return {
      state: document.getElementById('status')?.dataset.state ?? '',
      status: text('status'),
      lastEventId: text('last-event-id'),
      reconnections: text('reconnections'),
      lastError: text('last-error'),
      ids: text('ids'),
      received: text('received'),
    }
  })
}

/**
 * Waits (bounded) until the panel matches `wanted` (strings exactly, patterns by test), then
 * reads it, so the test asserts exact values and a timeout shows what the page said instead.
 */
export async function factsOnce(
  page: Page,
  wanted: Partial<Record<keyof Facts, string | RegExp>>,
): Promise<Facts> {
  const checks = Object.entries(wanted).map(([key, value]) =>
    typeof value === 'string' ? { key, exact: value } : { key, source: value.source },
  )
  await page
    .waitForFunction(
      (list) => {
        const text = (id: string) => document.getElementById(id)?.textContent?.trim() ?? ''
        const facts: Record<string, string> = {
          state: document.getElementById('status')?.dataset.state ?? '',
          status: text('status'),
          lastEventId: text('last-event-id'),
          reconnections: text('reconnections'),
          lastError: text('last-error'),
          ids: text('ids'),
          received: text('received'),
        }
        return list.every((check) => {
          const value = facts[check.key] ?? ''
          return 'exact' in check ? value === check.exact : new RegExp(check.source).test(value)
        })
      },
      checks,
      { timeout: WAIT_MS },
    )
    .catch(() => {})
  return readFacts(page)
}

/** Waits (bounded) until the live list shows exactly `lines`, then reads it. */
export async function updatesOnce(page: Page, lines: readonly UpdateLine[]): Promise<UpdateLine[]> {
  await page
    .waitForFunction(
      (expected) => {
        const ids = [...document.querySelectorAll<HTMLElement>('#updates li.update')].map(
          (li) => li.dataset.id,
        )
        return JSON.stringify(ids) === expected
      },
      JSON.stringify(lines.map((line) => line[0])),
      { timeout: WAIT_MS },
    )
    .catch(() => {})
  return readUpdates(page)
}

/** Waits (bounded) until the board shows exactly `lines`, then reads it. */
export async function boardOnce(page: Page, lines: readonly BoardLine[]): Promise<BoardLine[]> {
  await page
    .waitForFunction(
      (expected) => {
        const rows = [...document.querySelectorAll('#board tr')].map((tr) =>
          ['.symbol', '.price', '.change'].map(
            (selector) => tr.querySelector(selector)?.textContent?.trim() ?? '',
          ),
        )
        return JSON.stringify(rows) === expected
      },
      JSON.stringify(lines),
      { timeout: WAIT_MS },
    )
    .catch(() => {})
  return readBoard(page)
}

/** Waits (bounded) until the element's text is `expected`, then reads it. */
export async function textOnce(page: Page, selector: string, expected: string): Promise<string> {
  await page
    .waitForFunction(
      ([css, text]) => document.querySelector(css)?.textContent?.trim() === text,
      [selector, expected] as const,
      { timeout: WAIT_MS },
    )
    .catch(() => {})
  return (await page.locator(selector).textContent())?.trim() ?? ''
}
