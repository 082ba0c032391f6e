// What the three ticker apps share. Each app renders the same page from these; none carries a
// copy of its own.

export { boardWithQuote, direction, EMPTY_BOARD, HISTORY_LENGTH, MAX_BOARD_ROWS } from './board'
export type { Board, BoardRow, Direction } from './board'
export { createClock, CLOCK_PERIOD_MS } from './clock'
export type { Clock } from './clock'
export { DEFAULT_IDLE_TIMEOUT, DEFAULT_STOCKS_URL, tickerConfig } from './config'
export { decodeQuote, decodeReset } from './decode'
export type { TickerConfig, TickerEnv } from './config'
export {
  INITIAL_CONNECTION,
  RECONNECT,
  reconnections,
  recovered,
  reduceConnection,
} from './connection'
export type { ConnectionAction, ConnectionState } from './connection'
export {
  describeError,
  describeIds,
  describeLastError,
  describeReset,
  describeStatus,
  formatChange,
  formatChangeWithPercent,
  formatPrice,
  formatRate,
  formatTime,
  statusTone,
} from './format'
export { EMPTY_LEDGER, ledgerWithId } from './id-ledger'
export type { IdLedger } from './id-ledger'
export {
  NO_CONTROL_API,
  OUTAGES_HINT,
  outages,
  RESTART_DOWN_SECONDS,
  triggerOutage,
  UNAVAILABLE,
} from './outages'
export type { Outage, OutageId, OutageResult } from './outages'
export { MAX_ARRIVALS, RATE_WINDOW_MS, ratePerSecond, withArrival } from './rate'
export { SPARKLINE, sparkline } from './sparkline'
export type { Sparkline } from './sparkline'
export { SYMBOLS } from './stocks'
export type { ResetEvent, StockEvents, StockPriceEvent } from './stocks'
export { FEED_LENGTH, INITIAL_TICKER, reduceTicker } from './ticker'
export type { FeedEntry, TickerAction, TickerState } from './ticker'
