import { describe, expect, it } from 'vitest'
import { continuePrices, createQuoteGenerator, DEFAULT_PRICES } from './quotes'
import { FIXED_ISO, FIXED_NOW, scripted } from './test-client'

describe('createQuoteGenerator', () => {
  it('moves the chosen symbol by the scripted random step and stamps the clock', () => {
    // 0 picks the first symbol; 0.75 is a +0.5 move of the 1 % volatility.
    const next = createQuoteGenerator({
      random: scripted(0, 0.75),
      now: () => FIXED_NOW,
      prices: { MSFT: 100, AAPL: 200 },
    })
    expect(next(1)).toEqual({ id: 1, symbol: 'MSFT', price: 100.5, timestamp: FIXED_ISO })
    expect(next(2)).toEqual({ id: 2, symbol: 'MSFT', price: 101, timestamp: FIXED_ISO })
  })

  it('walks each symbol from its own last price', () => {
    // 0.5 picks AAPL (second of two); 0.25 is a -0.5 % move.
    const next = createQuoteGenerator({
      random: scripted(0.5, 0.25),
      prices: { MSFT: 100, AAPL: 200 },
    })
    expect([next(1).price, next(2).price]).toEqual([199, 198.01])
  })

  it('gives the same quotes for the same seed and different ones for another', () => {
    const run = (seed: number) => {
      const next = createQuoteGenerator({ seed, now: () => FIXED_NOW })
      return Array.from({ length: 20 }, (_, i) => next(i + 1))
    }
    expect(run(42)).toEqual(run(42))
    expect(run(42)).not.toEqual(run(43))
  })

  it('keeps prices positive with at most two decimals and covers the usual symbols', () => {
    const next = createQuoteGenerator({ seed: 7, volatility: 0.5 })
    const quotes = Array.from({ length: 2000 }, (_, i) => next(i + 1))
    for (const { price } of quotes) {
      expect(price).toBeGreaterThan(0)
      expect(Math.round(price * 100) / 100).toBe(price)
    }
    const symbols = new Set(quotes.map((quote) => quote.symbol))
    expect([...symbols].sort()).toEqual(Object.keys(DEFAULT_PRICES).sort())
    expect(symbols).toContain('MSFT')
  })
})

describe('continuePrices', () => {
  it('takes each symbol’s latest published price and keeps the opening price of the rest', () => {
    const published = [
      { symbol: 'MSFT', price: 101 },
      { symbol: 'AAPL', price: 231 },
      { symbol: 'MSFT', price: 102.5 },
      { symbol: 'NOPE', price: 1 },
    ]
    expect(continuePrices({ MSFT: 100, AAPL: 230, GOOG: 170 }, published)).toEqual({
      MSFT: 102.5,
      AAPL: 231,
      GOOG: 170,
    })
  })
})
