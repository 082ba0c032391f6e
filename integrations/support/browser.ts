import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../test-support/chromium'

/** A page that records what a healthy app never prints: console errors and warnings. */
export interface WatchedPage {
  readonly page: Page
  /** `error: …` and `warning: …` console lines (with their source), uncaught `pageerror: …`s. */
  readonly complaints: string[]
}

export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage()
  const complaints: string[] = []
  page.on('console', (message) => {
    const type = message.type()
    if (type !== 'error' && type !== 'warning') return
    // A failed resource says only its status; the URL it came from says which.
    const { url } = message.location()
    complaints.push(`${type}: ${message.text()}${url ? ` (${url})` : ''}`)
  })
  page.on('pageerror', (error) => complaints.push(`pageerror: ${error.message}`))
  return { page, complaints }
}

export { launchChromium }

/** Waits (bounded) for `selector`'s text to be `text`, then returns what it shows. */
export async function textOnceShowing(
  page: Page,
  selector: string,
  text: string,
  timeout = 20_000,
): Promise<string | null> {
  await page
    .waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent === want,
      [selector, text] as const,
      { timeout },
    )
    .catch(() => {})
  return page.textContent(selector)
}
