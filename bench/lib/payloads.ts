// The events every end-to-end suite streams: stock quotes as JSON, the shape of the example
// server's feed, with a company name that is plain ASCII or, in the `utf8` variant, written as
// the company writes it (accented Latin, CJK, Hangul, emoji), as real names, news and chat are.
import { seededRandom } from '@rivulet/example-server'
import { EVENT_TYPE, type Quote } from './quote'

export type Variant = 'ascii' | 'utf8'
export const VARIANTS: readonly Variant[] = ['ascii', 'utf8']

export type { Quote } from './quote'

const COMPANIES: Record<Variant, readonly (readonly [string, string])[]> = {
  ascii: [
    ['MSFT', 'Microsoft Corporation'],
    ['AAPL', 'Apple Inc.'],
    ['NESN', 'Nestle S.A.'],
    ['GLE', 'Societe Generale'],
    ['7203', 'Toyota Motor Corp.'],
    ['0700', 'Tencent Holdings'],
    ['ORSTED', 'Orsted A/S'],
    ['NVDA', 'NVIDIA Corporation'],
  ],
  utf8: [
    ['MSFT', 'Microsoft Corporation'],
    ['AAPL', 'Apple Inc. 🍎'],
    ['NESN', 'Nestlé S.A.'],
    ['GLE', 'Société Générale'],
    ['7203', 'トヨタ自動車株式会社'],
    ['0700', '腾讯控股有限公司'],
    ['ORSTED', 'Ørsted A/S'],
    ['005930', '삼성전자 🚀'],
  ],
}

const START = Date.UTC(2026, 0, 1)

/** The `n`-th event (from 1), drawn from `random`; `sent` is stamped by the caller if wanted. */
function quoteEvent(variant: Variant, random: () => number, n: number, sent?: number) {
  const companies = COMPANIES[variant]
  const [symbol, name] = companies[Math.floor(random() * companies.length)] ?? ['?', '?']
  const quote: Quote = {
    id: n,
    symbol,
    name,
    price: Math.round(random() * 100000) / 100,
    time: new Date(START + n * 250).toISOString(),
  }
  if (sent !== undefined) quote.sent = sent
  return `event: ${EVENT_TYPE}\nid: ${n}\ndata: ${JSON.stringify(quote)}\n\n`
}

const SEED = 9

/** A generator of consecutive events from a fixed seed: every run streams the same bytes. */
export function quoteSource(variant: Variant): (n: number, sent?: number) => string {
  const random = seededRandom(SEED)
  return (n, sent) => quoteEvent(variant, random, n, sent)
}

/** Events 1..count as one UTF-8 body. */
export function quoteBody(variant: Variant, count: number): Uint8Array {
  const next = quoteSource(variant)
  const parts: string[] = []
  for (let n = 1; n <= count; n++) parts.push(next(n))
  return new TextEncoder().encode(parts.join(''))
}

/** What a client that parsed every payload must have added up: 1 + 2 + … + count. */
export function idSum(count: number): number {
  return (count * (count + 1)) / 2
}

/**
 * The machine's monotonic clock in ms (CLOCK_MONOTONIC on Linux): one clock for every process,
 * so a server's stamp and a client's reading in another process compare directly.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}
