namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>Officer at counter over [Start, End); an open shift (End null) lasts until "now".</summary>
public sealed record Shift(long Id, string OfficerId, string CounterId, DateTimeOffset Start, DateTimeOffset? End = null);
