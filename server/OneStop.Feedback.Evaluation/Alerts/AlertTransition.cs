namespace OneStop.Feedback.Evaluation.Alerts;

/// <summary>An alert raised or cleared, with the window's counts at that instant.</summary>
public sealed record AlertTransition(string UnitId, AlertChange Change, DateTimeOffset At, int Ratings, int Low);
