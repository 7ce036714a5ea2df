using System.Collections.Concurrent;

namespace OneStop.Feedback.Server.Ingest;

/// <summary>
/// One structured log line per rejection, at most once a second per terminal: a terminal stuck in a loop of
/// bad messages must not flood the log, but the first of each burst (and how many were held back) shows.
/// Every rejection is stored regardless; this only limits the log.
/// </summary>
public sealed partial class RejectionLog(TimeProvider time, ILogger<RejectionLog> logger)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private sealed class Window
    {
        public long StartedAt;
        public int Suppressed;
    }

    public void Rejected(string? terminalId, string topic, string reason, string detail)
    {
        var key = terminalId ?? "";
        var now = time.GetTimestamp();
        var window = _windows.GetOrAdd(key, _ => new Window { StartedAt = long.MinValue });
        int suppressed;
        lock (window)
        {
            if (window.StartedAt != long.MinValue && time.GetElapsedTime(window.StartedAt, now) < TimeSpan.FromSeconds(1))
            {
                window.Suppressed++;
                return;
            }
            suppressed = window.Suppressed;
            window.StartedAt = now;
            window.Suppressed = 0;
        }
        Log(logger, terminalId ?? "(unknown)", topic, reason, detail, suppressed);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Rejected message from terminal {TerminalId} on {Topic}: {Reason} ({Detail}); {Suppressed} earlier rejection(s) of this terminal not logged")]
    private static partial void Log(ILogger logger, string terminalId, string topic, string reason, string detail, int suppressed);
}
