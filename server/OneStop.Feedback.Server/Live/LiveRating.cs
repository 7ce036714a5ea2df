namespace OneStop.Feedback.Server.Live;

/// <summary>A rating just committed, as pushed to live subscribers (dashboard live view, alert worker).</summary>
public sealed record LiveRating(string Terminal, long Boot, long Seq, int Scale, int Score, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt, bool ClockSynced);
