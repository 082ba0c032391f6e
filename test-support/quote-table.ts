import type { Quote } from '@rivulet/example-server'
import type { Page } from 'playwright-core'

/** A table row as the user reads it. */
export type Row = readonly [symbol: string, price: string, change: string]

/** The rows the ticker should show after these quotes: one per symbol, sorted, with its move. */
export function expectedRows(quotes: readonly Quote[]): Row[] {
  const latest = new Map<string, { price: number; change: number | undefined }>()
  for (const quote of quotes) {
    const previous = latest.get(quote.symbol)
    latest.set(quote.symbol, {
      price: quote.price,
      change: previous === undefined ? undefined : quote.price - previous.price,
    })
  }
  return [...latest]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([symbol, { price, change }]): Row => {
      // Under $1000 here: the seeded walk starts at most at 700 and moves ±1 % a quote.
      const arrow =
        change === undefined || change === 0
          ? '—'
          : `${change > 0 ? '▲ +' : '▼ -'}${Math.abs(change).toFixed(2)}`
      return [symbol, `$${price.toFixed(2)}`, arrow]
    })
}

function readRows(page: Page): Promise<Row[]> {
  return page.$$eval('tbody tr', (trs) =>
    trs.map((tr) => {
      const text = (selector: string) => tr.querySelector(selector)?.textContent?.trim() ?? ''
      return [text('.symbol'), text('.price'), text('.change')] as const
    }),
  )
}

/** Waits (bounded) for the table to show `rows`, then reads it for an exact assertion. */
export async function rowsOnceShowing(page: Page, rows: Row[], timeout = 15_000): Promise<Row[]> {
  await page
    .waitForFunction(
      (expected) => {
        const shown = [...document.querySelectorAll('tbody tr')].map((tr) =>
          [...tr.querySelectorAll('.symbol, .price, .change')].map((td) => td.textContent?.trim()),
        )
        return JSON.stringify(shown) === expected
      },
      JSON.stringify(rows),
      { timeout },
    )
    .catch(() => {})
  return readRows(page)
}

export interface Badge {
  readonly state: string | null
  readonly text: string
}

function readBadge(page: Page): Promise<Badge> {
  return page.$eval('#status', (badge) => ({
    state: badge.getAttribute('data-state'),
    text: badge.textContent?.trim() ?? '',
  }))
}

/**
 * Waits (bounded) for the status badge to reach `state`, and reads its text in the same check:
 * a `reconnecting` badge may move on to `connecting` within the retry delay.
 */
export async function badgeOnce(page: Page, state: string, timeout = 15_000): Promise<Badge> {
  const handle = await page
    .waitForFunction(
      (wanted): Badge | undefined => {
        const badge = document.querySelector('#status')
        const seen = {
          state: badge?.getAttribute('data-state') ?? null,
          text: badge?.textContent?.trim() ?? '',
        }
        return seen.state === wanted ? seen : undefined
      },
      state,
      { timeout },
    )
    .catch(() => undefined)
  return (await handle?.jsonValue()) ?? (await readBadge(page))
}
