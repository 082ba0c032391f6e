using System.Runtime.CompilerServices;

namespace Rivulet.StockServer;

/// <summary>What a resuming connection gets: quotes, or (with no quotes) the reset that replaces them.</summary>
public sealed record Resumed(IAsyncEnumerable<StockPriceEvent> Quotes, StockFeedReset? Reset);

/// <summary>One connection's quotes: the replay, then live ones until the client, the feed or shutdown ends it.</summary>
public sealed class QuoteStreams(StockService feed, ConnectionLog log, IHostApplicationLifetime lifetime)
{
    /// <summary>Live quotes only.</summary>
    public IAsyncEnumerable<StockPriceEvent> Live(HttpContext http) => Resume(http, null).Quotes;

    /// <summary>
    /// The quotes after <paramref name="lastEventId"/>, then live ones; or a reset, if they are
    /// gone. With <paramref name="ignoreReset"/> such an id gets live quotes instead.
    /// </summary>
    public Resumed Resume(HttpContext http, string? lastEventId, bool ignoreReset = false)
    {
        var (connection, remote, path) = (log.NextId(), Remote(http), http.Request.Path.Value ?? "");
        var (plan, live) = feed.Subscribe(lastEventId);
        if (plan is ResumePlan.Reset && ignoreReset)
        {
            (plan, live) = feed.Subscribe(null);
            lastEventId = null;
        }
        switch (plan, live)
        {
            case (ResumePlan.Replay replay, { } subscriber):
                var resume = lastEventId is null ? "new" : $"after \"{lastEventId}\" replay {replay.Quotes.Count}";
                var quotes = Quotes(http, replay.Quotes, subscriber,
                    sent => log.Ended(connection, remote, path, resume, sent, Reason(http, subscriber)));
                return new Resumed(quotes, null);
            case (ResumePlan.Reset reset, _):
                log.Ended(connection, remote, path, $"after \"{lastEventId}\" reset {reset.Event.Reason}", 0, "reset");
                return new Resumed(AsyncEnumerable.Empty<StockPriceEvent>(), reset.Event);
            default:
                throw new InvalidOperationException($"a replay comes with a subscriber: {plan}");
        }
    }

    private async IAsyncEnumerable<StockPriceEvent> Quotes(
        HttpContext http, IReadOnlyList<StockPriceEvent> replay, Subscriber live, Action<int> ended,
        [EnumeratorCancellation] CancellationToken aborted = default)
    {
        // Shutdown ends the stream cleanly (final chunk) rather than holding the host open.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping);
        // A client too slow to read is dropped, not waited for: a write to it may never finish.
        // It reconnects and resumes by id from the buffer, which still holds what it missed.
        using var drop = live.CutOff.Register(http.Abort);
        var sent = 0;
        try
        {
            await SendHeaders(http, stop.Token);
            foreach (var quote in replay)
            {
                yield return quote;
                sent++;
            }
            while (await live.NextAsync(stop.Token) is { } quote)
            {
                yield return quote;
                sent++;
            }
        }
        finally
        {
            live.Dispose();
            ended(sent);
        }
    }

    // ServerSentEventsResult has set the headers when it first asks for a quote, but they go out
    // with the first event: on a quiet feed a client would not even see the response start.
    // (StartAsync alone does not send them; a flush does.)
    private static async Task SendHeaders(HttpContext http, CancellationToken stop)
    {
        try
        {
            await http.Response.Body.FlushAsync(stop);
        }
        catch (OperationCanceledException)
        {
            // The client left or shutdown began: the stream ends at its first wait.
        }
    }

    private string Reason(HttpContext http, Subscriber live) =>
        lifetime.ApplicationStopping.IsCancellationRequested ? "shutdown"
        : live.CutOff.IsCancellationRequested ? "slow-client"
        : http.RequestAborted.IsCancellationRequested ? "client"
        : "feed";

    private static string Remote(HttpContext http) =>
        $"{http.Connection.RemoteIpAddress}:{http.Connection.RemotePort}";
}
