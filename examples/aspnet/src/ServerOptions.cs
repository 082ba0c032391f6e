using System.Globalization;

namespace Rivulet.StockServer;

/// <summary>The server's settings: flags win over the environment, which wins over the defaults.</summary>
public sealed record ServerOptions(
    string Host,
    int Port,
    TimeSpan Interval,
    TimeSpan Retry,
    int BufferSize,
    IReadOnlyList<string> Origins,
    int? Seed)
{
    public const string Usage = """
        usage: dotnet StockServer.dll [--port <n>] [--host <addr>] [--interval <ms>] [--retry <ms>]
                                      [--buffer <n>] [--origins <list>] [--seed <n>]
          --port      PORT          port; 0 picks a free one (read it from "Now listening on")   [5000]
          --host      HOST          address to bind                                              [127.0.0.1]
          --interval                ms between quotes                                            [2000]
          --retry                   the retry: (ReconnectionInterval) each /stocks2 event carries [1000]
          --buffer                  quotes kept for replay                                       [1000]
          --origins   CORS_ORIGINS  comma-separated CORS origins, or *        [the example apps' dev ports]
          --seed                    seed of the random walk, for a repeatable feed               [random]
        """;

    // The example apps' dev servers (React 5173, Vue 5174, vanilla 5175) and Vite's preview port.
    public static readonly IReadOnlyList<string> DefaultOrigins =
    [
        .. new[] { 5173, 5174, 5175, 4173 }.SelectMany(port =>
            new[] { $"http://localhost:{port}", $"http://127.0.0.1:{port}" }),
    ];

    /// <summary>Reads and checks every setting; a bad one throws <see cref="ArgumentException"/> naming it.</summary>
    public static ServerOptions From(IConfiguration config) => new(
        Host: config["host"] is { Length: > 0 } host ? host : "127.0.0.1",
        Port: Integer(config, "port", 5000, min: 0, max: 65535),
        Interval: TimeSpan.FromMilliseconds(Integer(config, "interval", 2000, min: 1, max: 3_600_000)),
        Retry: TimeSpan.FromMilliseconds(Integer(config, "retry", 1000, min: 1, max: 3_600_000)),
        BufferSize: Integer(config, "buffer", 1000, min: 1, max: 1_000_000),
        Origins: (config["origins"] ?? config["CORS_ORIGINS"]) is { Length: > 0 } list
            ? [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : DefaultOrigins,
        Seed: config["seed"] is null ? null : Integer(config, "seed", 0, min: int.MinValue, max: int.MaxValue));

    private static int Integer(IConfiguration config, string key, int fallback, int min, int max)
    {
        var text = config[key];
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{key} must be a whole number from {min} to {max}, not \"{text}\"");
    }
}
