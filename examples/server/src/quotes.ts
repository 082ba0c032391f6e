// The random-walk quote generator. It is pure given its random source and clock, so tests
// can inject both and assert exact bytes.

export interface Quote {
  readonly id: number
  readonly symbol: string
  readonly price: number
  /** ISO 8601, as ASP.NET serialises a DateTimeOffset. */
  readonly timestamp: string
}

export const DEFAULT_PRICES: Readonly<Record<string, number>> = {
  MSFT: 420,
  AAPL: 230,
  GOOG: 170,
  AMZN: 185,
  NVDA: 140,
  META: 560,
  TSLA: 250,
  NFLX: 700,
}

export interface QuoteGeneratorOptions {
  /** Uniform numbers in [0, 1). Defaults to a seeded generator. */
  readonly random?: () => number
  /** Seed for the default random source; the same seed gives the same quotes. */
  readonly seed?: number
  /** Milliseconds since the epoch; defaults to Date.now. */
  readonly now?: () => number
  /** Opening price per symbol. */
  readonly prices?: Readonly<Record<string, number>>
  /** Largest relative move per quote: 0.01 means at most ±1 %. */
  readonly volatility?: number
}

export type QuoteGenerator = (id: number) => Quote

export function createQuoteGenerator(options: QuoteGeneratorOptions = {}): QuoteGenerator {
  const random = options.random ?? seededRandom(options.seed ?? Date.now())
  const now = options.now ?? Date.now
  const volatility = options.volatility ?? 0.01
  const prices = new Map(Object.entries(options.prices ?? DEFAULT_PRICES))
  const symbols = [...prices.keys()]
  if (symbols.length === 0) throw new Error('the quote generator needs at least one symbol')

  return (id) => {
    const symbol = symbols[Math.min(Math.floor(random() * symbols.length), symbols.length - 1)]
    // `symbols` is non-empty and the index is clamped, so this is always a string.
    if (symbol === undefined) throw new Error('unreachable: no symbol')
    const previous = prices.get(symbol) ?? 0
    const move = (random() * 2 - 1) * volatility
    // Whole cents, never below one cent, like a real quote.
    const price = Math.max(0.01, Math.round(previous * (1 + move) * 100) / 100)
    prices.set(symbol, price)
    return { id, symbol, price, timestamp: new Date(now()).toISOString() }
  }
}

/** mulberry32: tiny, fast and good enough for a demo feed; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Opening prices that carry on from quotes already published (oldest first), so a feed taken
 * over by a restarted process or another instance does not jump back to the opening prices.
 */
export function continuePrices(
  opening: Readonly<Record<string, number>>,
  published: Iterable<Pick<Quote, 'symbol' | 'price'>>,
): Record<string, number> {
  const prices = { ...opening }
  for (const { symbol, price } of published) if (symbol in prices) prices[symbol] = price
  return prices
}
