namespace OneStop.Feedback.Server.Live;

/// <summary>A committed rating as the live view shows it: where it was given (terminal, counter, unit) and its level.</summary>
public sealed record LiveRatingEvent(
    string Terminal, string? CounterId, string? CounterName, string? UnitId, string? UnitName, int Scale, int Score, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt);

/// <summary>An alert raised or cleared, with its unit's name.</summary>
public sealed record LiveAlertEvent(long Id, string UnitId, string? UnitName, bool Active, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, int Ratings, int Low);

/// <summary>A terminal with the counter and unit it stands at, and whether it is connected now.</summary>
public sealed record LiveTerminal(string Id, string Name, string? CounterId, string? CounterName, string? UnitId, string? UnitName, bool Online, DateTimeOffset? LastSeenAt, string? Status);
