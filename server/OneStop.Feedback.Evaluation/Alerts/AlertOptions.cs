namespace OneStop.Feedback.Evaluation.Alerts;

/// <summary>An alert rule (configuration section "Alerts", with per-unit overrides).</summary>
public sealed class AlertOptions
{
    /// <summary>Length of the sliding window, ending at the latest rating (or "now").</summary>
    public int WindowMinutes { get; set; } = 15;

    /// <summary>No alert on fewer ratings than this in the window.</summary>
    public int MinRatings { get; set; } = 4;

    /// <summary>Alert when low ratings / ratings in the window ≥ this.</summary>
    public double LowShare { get; set; } = 0.5;

    /// <summary>
    /// A score ≤ this is low, unless it is a satisfied level (score ≥ scale − 1): on a 3-level scale the "lowest two"
    /// would include "Hài lòng", which the evaluation counts as satisfied.
    /// </summary>
    public int LowestLevels { get; set; } = 2;

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    public bool IsLow(int scale, int score) => score <= LowestLevels && score < scale - 1;
}
