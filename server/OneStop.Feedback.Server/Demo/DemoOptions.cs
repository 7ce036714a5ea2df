namespace OneStop.Feedback.Server.Demo;

/// <summary>Configuration section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>Simulated counters (each with its terminal).</summary>
    public int Counters { get; set; } = 6;

    /// <summary>Mean seconds between two citizens rating at one counter (a human pace).</summary>
    public double MeanIntervalSeconds { get; set; } = 20;
}
