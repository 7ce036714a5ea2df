using OneStop.Feedback.Server.Alerts;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Server.Live;

/// <summary>
/// Puts names on live events: terminal → counter → unit. The reference data changes rarely, so a snapshot is kept
/// for a few seconds instead of querying the store for every rating of every open live page; an unknown terminal
/// (just provisioned) refreshes it at once.
/// </summary>
public sealed class LiveDirectory(TerminalRegistry terminals, OrganisationStore organisation, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;

    private sealed record Snapshot(
        DateTimeOffset TakenAt, IReadOnlyList<TerminalView> Terminals, Dictionary<string, TerminalView> ByTerminal,
        Dictionary<string, CounterRecord> Counters, Dictionary<string, UnitRecord> Units);

    public LiveRatingEvent Describe(LiveRating rating)
    {
        var s = Current(rating.Terminal);
        var counter = s.ByTerminal.TryGetValue(rating.Terminal, out var t) && t.CounterId is { } c && s.Counters.TryGetValue(c, out var found) ? found : null;
        return new LiveRatingEvent(rating.Terminal, counter?.Id, counter?.Name, counter?.UnitId, UnitName(s, counter?.UnitId),
            rating.Scale, rating.Score, rating.OccurredAt, rating.ReceivedAt);
    }

    public LiveAlertEvent Describe(AlertView alert) =>
        new(alert.Id, alert.UnitId, UnitName(Current(null), alert.UnitId), alert.Active, alert.RaisedAt, alert.ClearedAt, alert.Ratings, alert.Low);

    /// <summary>Every terminal with its counter and unit; online status as of now (not cached).</summary>
    public IReadOnlyList<LiveTerminal> Terminals()
    {
        var s = Current(null);
        return terminals.List().Select(t =>
        {
            var counter = t.CounterId is { } c && s.Counters.TryGetValue(c, out var found) ? found : null;
            return new LiveTerminal(t.Id, t.Name, counter?.Id ?? t.CounterId, counter?.Name, counter?.UnitId, UnitName(s, counter?.UnitId), t.Online, t.LastSeenAt, t.Status);
        }).ToList();
    }

    private static string? UnitName(Snapshot s, string? unitId) => unitId is not null && s.Units.TryGetValue(unitId, out var u) ? u.Name : null;

    private Snapshot Current(string? terminal)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_snapshot is null || now - _snapshot.TakenAt > MaxAge || (terminal is not null && !_snapshot.ByTerminal.ContainsKey(terminal)))
            {
                var list = terminals.List();
                _snapshot = new Snapshot(now, list, list.ToDictionary(t => t.Id, StringComparer.Ordinal),
                    organisation.Counters().ToDictionary(c => c.Id, StringComparer.Ordinal),
                    organisation.Units().ToDictionary(u => u.Id, StringComparer.Ordinal));
            }
            return _snapshot;
        }
    }
}
