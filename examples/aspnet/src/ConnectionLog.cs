namespace Rivulet.StockServer;

/// <summary>Writes one line per stream, when it ends.</summary>
public sealed partial class ConnectionLog(ILogger<ConnectionLog> logger)
{
    private int _count;

    public int NextId() => Interlocked.Increment(ref _count);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "#{Id} {Remote} {Path} {Resume}: sent {Sent} events, ended by {Reason}")]
    public partial void Ended(int id, string remote, string path, string resume, int sent, string reason);
}
