// Every word and number the page shows, so the three apps say the same thing the same way.

import type { StreamError, StreamStatus } from '@rivulet/core'
import type { IdLedger } from './id-ledger'
import type { ResetEvent } from './stocks'

const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
const signed = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'always',
})
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'always',
})
// 24-hour clock in the reader's own time zone.
const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

export const formatPrice = (value: number | undefined): string =>
  value === undefined ? '—' : price.format(value)

/** `▲ +1.23`, `▼ -0.40`, `0.00`, or `—` before there is a move: the arrow and sign, not only colour. */
export function formatChange(change: number | undefined): string {
  if (change === undefined) return '—'
  if (change === 0) return '0.00'
  return `${change > 0 ? '▲' : '▼'} ${signed.format(change)}`
}

/** The move to `price` with its share of the price before: `▲ +1.23 (+0.29%)`. */
export function formatChangeWithPercent(
  change: number | undefined,
  price: number | undefined,
): string {
  const text = formatChange(change)
  if (change === undefined || change === 0 || price === undefined) return text
  return `${text} (${percent.format(change / (price - change))})`
}

export const formatTime = (iso: string): string => clock.format(new Date(iso))

export const formatRate = (perSecond: number): string => perSecond.toFixed(1)

/** The status line of the connection panel; `now` drives the countdown to the next attempt. */
export function describeStatus(status: StreamStatus, now: number): string {
  switch (status.state) {
    case 'idle':
      return 'Idle'
    case 'connecting':
      return status.attempt === 0 ? 'Connecting…' : `Connecting · attempt ${status.attempt}…`
    case 'open':
      return 'Live'
    case 'reconnecting': {
      // No retryAt when native EventSource schedules the attempt itself.
      const seconds =
        status.retryAt === undefined
          ? undefined
          : Math.max(0, Math.ceil((status.retryAt - now) / 1000))
      const when =
        seconds === undefined
          ? 'Reconnecting'
          : seconds === 0
            ? 'Reconnecting now'
            : `Reconnecting in ${seconds} s`
      const resume = status.resumable ? '' : ' · cannot resume: the server sends no ids'
      return `${when} · attempt ${status.attempt}${resume}`
    }
    case 'paused':
      return status.reason === 'hidden' ? 'Paused · page hidden' : 'Paused · offline'
    case 'closed':
      return `Closed · ${status.reason}`
  }
}

/** The connection's colour, which the status words always say too. */
export function statusTone(status: StreamStatus): 'live' | 'waiting' | 'down' {
  if (status.state === 'open') return 'live'
  return status.state === 'closed' ? 'down' : 'waiting'
}

/** One line per error, shorter than core's messages where the kind says enough. */
export function describeError(error: StreamError): string {
  switch (error.kind) {
    case 'http': {
      const wait =
        error.retryAfter === undefined
          ? ''
          : ` · Retry-After ${Math.round(error.retryAfter / 1000)} s`
      return `${error.message}${wait}`
    }
    case 'timeout':
      return `No data for ${error.timeout / 1000} s: the idle watchdog reconnected`
    case 'network': {
      // Core's message adds a hint for developers (CORS or unreachable); the panel keeps the cause.
      const cause = (error.cause as { message?: unknown } | null)?.message
      return typeof cause === 'string' && cause !== '' ? `Network error: ${cause}` : error.message
    }
    default:
      return error.message
  }
}

export function describeLastError(error: StreamError | undefined, recovered: boolean): string {
  if (error === undefined) return 'None'
  return `${describeError(error)} (${recovered ? 'recovered' : 'ongoing'})`
}

/** `1–57 · no gap · no repeat`, or how many of each; string ids say they came in order. */
export function describeIds(ledger: IdLedger): string {
  if (ledger.count === 0) return 'None yet'
  const repeats = ledger.repeats === 0 ? 'no repeat' : plural(ledger.repeats, 'repeat')
  if (typeof ledger.last !== 'number') {
    return `${plural(ledger.count, 'id')} · ${ledger.repeats === 0 ? 'in order' : 'out of order'} · ${repeats}`
  }
  const range = ledger.first === ledger.last ? `${ledger.first}` : `${ledger.first}–${ledger.last}`
  return `${range} · ${ledger.gaps === 0 ? 'no gap' : plural(ledger.gaps, 'gap')} · ${repeats}`
}

/** What the reset notice and the reset line of the live list say. */
export function describeReset(reset: ResetEvent): string {
  const why =
    reset.reason === 'too-old'
      ? 'no longer holds the quotes after it'
      : 'does not know it (a feed started afresh)'
  return `The server could not resume after id ${reset.lastEventId || '(none)'}: it ${why}. Quotes were missed, so the board starts afresh.`
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
