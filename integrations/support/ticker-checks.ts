import type { Quote } from '@rivulet/example-server'
import type { Browser } from 'playwright-core'
import { expect } from 'vitest'
import { textOnceShowing, watchedPage } from './browser'
import type { Stocks } from './stocks'

/**
 * What every fixture's ticker renders before its first event: the stream idle (the server
 * never connects) and no quote. Both apps render this exact markup, so hydration has nothing
 * to patch.
 */
export const IDLE_TICKER =
  '<main><p id="status" data-state="idle">idle</p><p id="quote">Waiting for the first quote…</p></main>'

/** How the tickers show a quote. */
const quoteText = (quote: Quote) => `#${quote.id} ${quote.symbol} $${quote.price.toFixed(2)}`

/** Polls (bounded) until the stock server has no stream open, e.g. after a page closed. */
export async function untilNoStreamOpen(stocks: Stocks): Promise<number> {
  for (let i = 0; i < 100 && stocks.open() > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return stocks.open()
}

export interface LiveVisit {
  /** What `#status` showed once connected. */
  readonly status: string | null
  /** What `#quote` showed after each quote the test published. */
  readonly shown: (string | null)[]
  readonly expected: string[]
  /** Streams the stock server opened during the visit, and how many were open at the end. */
  readonly opened: number
  readonly openAtEnd: number
  readonly complaints: string[]
}

/** Loads `url` in Chromium, waits for the stream, publishes three quotes and reads each. */
export async function visitLive(browser: Browser, url: string, stocks: Stocks): Promise<LiveVisit> {
  const before = stocks.opened()
  const { page, complaints } = await watchedPage(browser)
  try {
    await page.goto(url, { timeout: 30_000 })
    const status = await textOnceShowing(page, '#status', 'open')
    const shown: (string | null)[] = []
    const expected: string[] = []
    for (let i = 0; i < 3; i++) {
      const text = quoteText(stocks.tick())
      expected.push(text)
      shown.push(await textOnceShowing(page, '#quote', text))
    }
    return {
      status,
      shown,
      expected,
      opened: stocks.opened() - before,
      openAtEnd: stocks.open(),
      complaints: [...complaints],
    }
  } finally {
    await page.close()
  }
}

/**
 * The assertions of a healthy visit, as one comparison so a failure shows every field at once,
 * and in one place so both frameworks are held to the same.
 */
export function expectHealthyVisit(visit: LiveVisit): void {
  expect(visit).toEqual({
    status: 'open',
    shown: visit.expected,
    expected: visit.expected,
    opened: 1,
    openAtEnd: 1,
    complaints: [],
  })
}
