namespace Rivulet.StockServer;

public static class LastEventId
{
    /// <summary>
    /// Where the client stopped: the <c>Last-Event-ID</c> header an EventSource sends when it
    /// reconnects by itself, else the <c>lastEventId</c> query parameter of a page (or Rivulet's
    /// fallback) that opens a new EventSource, which cannot set headers. The header wins: when such
    /// an EventSource later reconnects by itself, the header is the newer of the two.
    /// </summary>
    public static string? From(HttpRequest request) =>
        request.Headers["Last-Event-ID"].FirstOrDefault() is { Length: > 0 } header
            ? header
            : request.Query["lastEventId"].FirstOrDefault() is { Length: > 0 } query ? query : null;
}
