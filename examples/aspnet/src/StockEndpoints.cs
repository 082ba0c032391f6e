using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Rivulet.StockServer;

public static class StockEndpoints
{
    public static void MapStockEndpoints(this WebApplication app)
    {
        // As in the article: each quote a `stockUpdate` event. No ids, so nothing to resume from.
        app.MapGet("/stocks", (HttpContext http, QuoteStreams streams) =>
            TypedResults.ServerSentEvents(streams.Live(http), eventType: "stockUpdate"));

        // Resume done right: SseItems through the SseItem overload (no eventType: argument), so
        // each event carries its id and retry, and a reconnecting client replays what it missed.
        app.MapGet("/stocks2", Results<ServerSentEventsResult<StockPriceEvent>, ServerSentEventsResult<StockFeedReset>>
            (HttpContext http, QuoteStreams streams, ServerOptions options) =>
        {
            var (quotes, reset) = streams.Resume(http, LastEventId.From(http.Request));
            if (reset is not null) return TypedResults.ServerSentEvents(ResetItem(reset, options.Retry));
            return TypedResults.ServerSentEvents(quotes.Select(evt =>
                new SseItem<StockPriceEvent>(evt, "stockUpdate")
                {
                    EventId = evt.Id,
                    ReconnectionInterval = options.Retry,
                }));
        });

        // The article's resume endpoint as written: the same SseItems, plus `eventType:`. That
        // argument picks the IAsyncEnumerable<T> overload with T = SseItem<StockPriceEvent>, which
        // serialises each whole SseItem as JSON into `data:` and writes no `id:` line, so no client
        // can ever resume (dotnet/aspnetcore#64183).
        app.MapGet("/stocks2-as-written", (HttpContext http, QuoteStreams streams, ServerOptions options) =>
        {
            var (quotes, _) = streams.Resume(http, LastEventId.From(http.Request), ignoreReset: true);
            return TypedResults.ServerSentEvents(quotes.Select(evt =>
                new SseItem<StockPriceEvent>(evt, "stockUpdate")
                {
                    EventId = evt.Id,
                    ReconnectionInterval = options.Retry,
                }),
                eventType: "stockUpdate");
        });
    }

    // One event, then the response ends. Its id is the newest quote's, so the client's reconnect
    // resumes from "now" instead of being reset again; before the first quote it is empty, which
    // clears the client's id (spec: an empty `id:` sets the last event ID to "").
    private static IAsyncEnumerable<SseItem<StockFeedReset>> ResetItem(StockFeedReset reset, TimeSpan retry) =>
        new[] { new SseItem<StockFeedReset>(reset, "reset") { EventId = reset.LatestId ?? "", ReconnectionInterval = retry } }
            .ToAsyncEnumerable();
}
