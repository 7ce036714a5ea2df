namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>Settings of the attribution (configuration section "Attribution").</summary>
public sealed class AttributionOptions
{
    /// <summary>A press less than this after the terminal's previous press is too-soon.</summary>
    public int MinIntervalSeconds { get; set; } = 5;

    /// <summary>W: a rating may take a service event at most this long before it.</summary>
    public int WindowMinutes { get; set; } = 10;

    public TimeSpan MinInterval => TimeSpan.FromSeconds(MinIntervalSeconds);

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}
