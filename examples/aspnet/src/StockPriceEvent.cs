namespace Rivulet.StockServer;

/// <summary>
/// One quote, as the article defines it. ASP.NET serialises it as camelCase JSON:
/// <c>{"id":"2026-…Z","symbol":"MSFT","price":421.37,"timestamp":"2026-…Z"}</c>.
/// </summary>
/// <param name="Id">
/// <see cref="Timestamp"/> in round-trip format (<c>"o"</c>). It has a fixed width, so ids compare
/// as the instants they name: a client's id from before a restart is older than every quote after it.
/// </param>
public sealed record StockPriceEvent(string Id, string Symbol, decimal Price, DateTime Timestamp);

/// <summary>
/// Sent (as a <c>reset</c> event) instead of a replay when the quotes after the client's id are
/// gone, so the client starts over knowingly instead of silently missing quotes.
/// </summary>
/// <param name="Reason"><c>too-old</c>: evicted from the buffer; <c>unknown</c>: not an id this server writes.</param>
/// <param name="LatestId">The newest quote's id, also the event's <c>id:</c>; <c>null</c> before the first quote.</param>
public sealed record StockFeedReset(string Reason, string LastEventId, string? OldestId, string? LatestId);
