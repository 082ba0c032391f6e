using System.Threading.Channels;

namespace Rivulet.StockServer;

/// <summary>
/// The one feed: a timer makes each quote once, keeps it for replay and hands it to every
/// connected client, so all clients see the same ids in the same order.
/// </summary>
public sealed class StockService(ServerOptions options, TimeProvider clock) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly QuoteBuffer _buffer = new(options.BufferSize);
    private readonly QuoteGenerator _quotes = new(clock, options.Seed);
    private readonly HashSet<Subscriber> _subscribers = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        try
        {
            do Publish();
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Publish()
    {
        lock (_gate)
        {
            var quote = _quotes.Next();
            _buffer.Add(quote);
            // A client that cannot keep up is cut off rather than queued without bound; it
            // reconnects and resumes by id from the buffer.
            _subscribers.RemoveWhere(subscriber => !subscriber.Offer(quote));
        }
    }

    /// <summary>
    /// What a client whose last event id is <paramref name="lastEventId"/> gets and, for a replay,
    /// its queue of live quotes after it. Both are taken under one lock, so no quote falls between
    /// the replay and the live ones, and none comes twice.
    /// </summary>
    public (ResumePlan Plan, Subscriber? Live) Subscribe(string? lastEventId)
    {
        lock (_gate)
        {
            var plan = _buffer.Plan(lastEventId);
            if (plan is not ResumePlan.Replay) return (plan, null);
            // Half the buffer: cut off at this backlog, the client still finds what it missed
            // when it resumes. At least 100, so a tiny buffer does not drop a client that
            // only paused (a first write waits for JIT compilation, for one).
            var live = new Subscriber(this, Math.Max(100, options.BufferSize / 2));
            _subscribers.Add(live);
            return (plan, live);
        }
    }

    internal void Unsubscribe(Subscriber subscriber)
    {
        lock (_gate) _subscribers.Remove(subscriber);
    }
}

/// <summary>One client's queue of live quotes, bounded.</summary>
public sealed class Subscriber(StockService feed, int capacity) : IDisposable
{
    private readonly Channel<StockPriceEvent> _queue = Channel.CreateBounded<StockPriceEvent>(
        new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });

    private readonly CancellationTokenSource _cutOff = new();

    /// <summary>Cancelled once the feed cut this client off for falling <c>capacity</c> quotes behind.</summary>
    public CancellationToken CutOff => _cutOff.Token;

    internal bool Offer(StockPriceEvent quote)
    {
        if (_queue.Writer.TryWrite(quote)) return true;
        _queue.Writer.TryComplete();
        _cutOff.Cancel();
        return false;
    }

    /// <summary>The next live quote, or null when cut off or <paramref name="stop"/> is cancelled.</summary>
    public async ValueTask<StockPriceEvent?> NextAsync(CancellationToken stop)
    {
        try
        {
            return await _queue.Reader.WaitToReadAsync(stop) && _queue.Reader.TryRead(out var quote) ? quote : null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    // The token source has no timer, so nothing of it needs releasing, and the connection log
    // still reads CutOff after this.
    public void Dispose() => feed.Unsubscribe(this);
}
