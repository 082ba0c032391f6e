using System.Globalization;

namespace Rivulet.StockServer;

/// <summary>What a client resuming after an id gets.</summary>
public abstract record ResumePlan
{
    /// <summary>The quotes after the id (none for a new client), then live ones.</summary>
    public sealed record Replay(IReadOnlyList<StockPriceEvent> Quotes) : ResumePlan;

    /// <summary>The quotes after the id are gone: the client must be told, not served a gap.</summary>
    public sealed record Reset(StockFeedReset Event) : ResumePlan;
}

/// <summary>The last quotes, for replay after a reconnect. Not thread-safe: the feed locks around it.</summary>
public sealed class QuoteBuffer(int capacity)
{
    private readonly Queue<StockPriceEvent> _quotes = new(capacity);
    // The newest quote this process dropped: a client that has it has missed nothing we still hold.
    private StockPriceEvent? _lastEvicted;

    public void Add(StockPriceEvent quote)
    {
        if (_quotes.Count == capacity) _lastEvicted = _quotes.Dequeue();
        _quotes.Enqueue(quote);
    }

    /// <summary>Decides what a client whose last event id is <paramref name="lastEventId"/> gets.</summary>
    public ResumePlan Plan(string? lastEventId)
    {
        if (string.IsNullOrEmpty(lastEventId)) return new ResumePlan.Replay([]);
        if (ParseId(lastEventId) is not { } after) return Reset("unknown", lastEventId);
        // Ids from before a restart name an instant too: this process's quotes are all newer, and
        // nothing was dropped yet, so the client gets every one of them.
        if (_lastEvicted is { } evicted && after < evicted.Timestamp) return Reset("too-old", lastEventId);
        return new ResumePlan.Replay(_quotes.Where(q => q.Timestamp > after).ToList());
    }

    private ResumePlan.Reset Reset(string reason, string lastEventId) =>
        new(new StockFeedReset(reason, lastEventId, _quotes.FirstOrDefault()?.Id, _quotes.LastOrDefault()?.Id));

    /// <summary>An id exactly as this server writes them (UTC, round-trip format), or null.</summary>
    private static DateTime? ParseId(string id) =>
        DateTime.TryParseExact(id, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
        && at.Kind == DateTimeKind.Utc
        && at.ToString("o") == id
            ? at
            : null;
}
