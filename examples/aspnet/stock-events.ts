// The events of the ASP.NET Core stock server, typed as ASP.NET serialises them
// (System.Text.Json, web defaults: camelCase). The tests check the server's JSON against these.

/** One quote: the C# record `StockPriceEvent(string Id, string Symbol, decimal Price, DateTime Timestamp)`. */
export interface StockPriceEvent {
  /**
   * The quote's instant in .NET round-trip format (`"o"`), e.g. `2026-12-01T16:47:51.9660090Z`:
   * always seven fractional digits, so ids compare as strings in time order, across restarts too.
   * On `/stocks2` it is also the event's `id:`.
   */
  readonly id: string
  /** MSFT, AAPL, GOOG, AMZN, NVDA, META, TSLA or NFLX. */
  readonly symbol: string
  /** A C# `decimal` in whole cents: always written with two decimals (`696.50`). */
  readonly price: number
  /**
   * The same instant, ISO 8601 UTC as System.Text.Json writes a `DateTime`: it drops trailing
   * zeros of the fraction (`…51.966009Z` for the id `…51.9660090Z`), so compare instants, not strings.
   */
  readonly timestamp: string
}

/** The JSON keys of a quote, in the order ASP.NET writes them. */
export const STOCK_PRICE_EVENT_KEYS = ['id', 'symbol', 'price', 'timestamp'] as const

/** Sent by `/stocks2` instead of a replay when the quotes after the client's id are gone. */
export interface StockFeedReset {
  /** `too-old`: evicted from the replay buffer; `unknown`: not an id this server writes. */
  readonly reason: 'too-old' | 'unknown'
  readonly lastEventId: string
  /** The oldest quote still buffered, `null` before the first. */
  readonly oldestId: string | null
  /** The newest quote, `null` before the first; the reset's own `id:`, so the reconnect resumes from it. */
  readonly latestId: string | null
}

/** The events of `GET /stocks2`. */
export type StockEvents = { stockUpdate: StockPriceEvent; reset: StockFeedReset }

/**
 * What `GET /stocks2-as-written` puts in `data:`: the whole `SseItem<StockPriceEvent>` as JSON,
 * since `eventType:` picked the `IAsyncEnumerable<T>` overload (dotnet/aspnetcore#64183).
 */
export interface SerializedSseItem<T> {
  readonly data: T
  readonly eventType: string
  readonly eventId: string
  /** A .NET `TimeSpan` as JSON: `"00:00:01"`. */
  readonly reconnectionInterval: string
}

/** The events of `GET /stocks2-as-written`: quotes wrapped, and no ids to resume from. */
export type AsWrittenEvents = { stockUpdate: SerializedSseItem<StockPriceEvent> }
