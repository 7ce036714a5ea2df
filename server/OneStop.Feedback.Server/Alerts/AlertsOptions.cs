using OneStop.Feedback.Evaluation.Alerts;

namespace OneStop.Feedback.Server.Alerts;

/// <summary>
/// Configuration section <c>Alerts</c>: the default rule (<c>Alerts:WindowMinutes</c>, <c>MinRatings</c>,
/// <c>LowShare</c>, <c>LowestLevels</c>), per-unit overrides under <c>Alerts:Units:{unitId}</c>, and an optional
/// <c>Alerts:WebhookUrl</c> that receives each change as JSON.
/// </summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    public int WindowMinutes { get; set; } = 15;

    public int MinRatings { get; set; } = 4;

    public double LowShare { get; set; } = 0.5;

    public int LowestLevels { get; set; } = 2;

    public Dictionary<string, AlertOptions> Units { get; } = new(StringComparer.Ordinal);

    public Uri? WebhookUrl { get; set; }

    public AlertOptions Default => new() { WindowMinutes = WindowMinutes, MinRatings = MinRatings, LowShare = LowShare, LowestLevels = LowestLevels };
}
