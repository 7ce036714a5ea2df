namespace OneStop.Feedback.Evaluation.Alerts;

/// <summary>What happened to a unit's alert.</summary>
public enum AlertChange
{
    Raised,
    Cleared,
}
