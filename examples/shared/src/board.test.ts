import { describe, expect, it } from 'vitest'
import { boardWithQuote, direction, EMPTY_BOARD, HISTORY_LENGTH, MAX_BOARD_ROWS } from './board'
import type { Board } from './board'

const quote = (id: number, symbol: string, price: number) => ({
  id,
  symbol,
  price,
  timestamp: `2026-12-01T17:00:${String(id % 60).padStart(2, '0')}.000Z`,
})

describe('the board', () => {
  it('lists every symbol before any quote, with nothing known yet', () => {
    expect(EMPTY_BOARD.map((row) => row.symbol)).toEqual([
      'AAPL',
      'AMZN',
      'GOOG',
      'META',
      'MSFT',
      'NFLX',
      'NVDA',
      'TSLA',
    ])
    expect(EMPTY_BOARD.every((row) => row.quote === undefined && row.history.length === 0)).toBe(
      true,
    )
  })

  it('keeps the latest quote of a symbol and its move from the one before', () => {
    let board: Board = EMPTY_BOARD
    board = boardWithQuote(board, quote(1, 'MSFT', 420))
    board = boardWithQuote(board, quote(2, 'AAPL', 230))
    board = boardWithQuote(board, quote(3, 'MSFT', 418.5))
    const msft = board.find((row) => row.symbol === 'MSFT')
    expect(msft).toEqual({
      symbol: 'MSFT',
      quote: quote(3, 'MSFT', 418.5),
      change: 418.5 - 420,
      history: [420, 418.5],
    })
    expect(board.find((row) => row.symbol === 'AAPL')?.change).toBeUndefined()
    expect(board.map((row) => row.symbol)).toEqual(EMPTY_BOARD.map((row) => row.symbol))
  })

  it('leaves the board it was given as it was, and keeps the untouched rows', () => {
    const next = boardWithQuote(EMPTY_BOARD, quote(1, 'TSLA', 250))
    expect(EMPTY_BOARD.find((row) => row.symbol === 'TSLA')?.quote).toBeUndefined()
    expect(next[0]).toBe(EMPTY_BOARD[0])
  })

  it('adds a symbol it did not know at the end', () => {
    const board = boardWithQuote(EMPTY_BOARD, quote(1, 'IBM', 250))
    expect(board.map((row) => row.symbol).at(-1)).toBe('IBM')
    expect(board).toHaveLength(EMPTY_BOARD.length + 1)
  })

  it('stops adding symbols at MAX_BOARD_ROWS, however many a server makes up', () => {
    let board: Board = EMPTY_BOARD
    for (let i = 0; i < 100; i++) board = boardWithQuote(board, quote(i, `X${i}`, 1))
    expect(board).toHaveLength(MAX_BOARD_ROWS)
    expect(board.at(-1)?.symbol).toBe(`X${MAX_BOARD_ROWS - EMPTY_BOARD.length - 1}`)
  })

  it('keeps at most the last HISTORY_LENGTH prices of a symbol', () => {
    let board: Board = EMPTY_BOARD
    for (let i = 1; i <= HISTORY_LENGTH + 5; i++) board = boardWithQuote(board, quote(i, 'NVDA', i))
    const history = board.find((row) => row.symbol === 'NVDA')?.history
    expect(history).toEqual(Array.from({ length: HISTORY_LENGTH }, (_, i) => i + 6))
  })

  it('names the direction of a move', () => {
    expect([direction(1.5), direction(-0.01), direction(0), direction(undefined)]).toEqual([
      'up',
      'down',
      'flat',
      'flat',
    ])
  })
})
