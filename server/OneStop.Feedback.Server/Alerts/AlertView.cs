namespace OneStop.Feedback.Server.Alerts;

/// <summary>An alert of a unit: raised when too many recent ratings were low, cleared when the window recovered.</summary>
public sealed record AlertView(long Id, string UnitId, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, int Ratings, int Low)
{
    public bool Active => ClearedAt is null;
}
