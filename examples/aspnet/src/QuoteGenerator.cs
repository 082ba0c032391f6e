namespace Rivulet.StockServer;

/// <summary>A random walk over a few symbols, and ids that never repeat or go backwards.</summary>
public sealed class QuoteGenerator(TimeProvider clock, int? seed)
{
    // The opening prices of the TypeScript reference server, so both feeds look alike.
    private readonly Dictionary<string, decimal> _prices = new()
    {
        ["MSFT"] = 420m, ["AAPL"] = 230m, ["GOOG"] = 170m, ["AMZN"] = 185m,
        ["NVDA"] = 140m, ["META"] = 560m, ["TSLA"] = 250m, ["NFLX"] = 700m,
    };
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();
    private long _lastTicks;

    public StockPriceEvent Next()
    {
        var symbols = _prices.Keys.ToArray();
        var symbol = symbols[_random.Next(symbols.Length)];
        // At most ±1 % a quote, in whole cents: Math.Round keeps two decimals, so the JSON does too.
        var move = (decimal)(_random.NextDouble() * 2 - 1) * 0.01m;
        var price = Math.Max(0.01m, Math.Round(_prices[symbol] * (1 + move), 2, MidpointRounding.AwayFromZero));
        _prices[symbol] = price;
        var timestamp = NextTimestamp();
        return new StockPriceEvent(timestamp.ToString("o"), symbol, price, timestamp);
    }

    // Two quotes within one clock tick (100 ns), or a clock stepped back, would repeat or reorder
    // ids; one tick later than the last id keeps them distinct and ordered.
    private DateTime NextTimestamp()
    {
        _lastTicks = Math.Max(clock.GetUtcNow().UtcTicks, _lastTicks + 1);
        return new DateTime(_lastTicks, DateTimeKind.Utc);
    }
}
