namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>Allowed chart sizes: large enough to read, small enough that one request cannot exhaust memory.</summary>
public static class ChartSize
{
    public const int Minimum = 300;
    public const int Maximum = 4000;
    public const int DefaultWidth = 1200;
    public const int DefaultHeight = 600;

    public static bool IsValid(int pixels) => pixels is >= Minimum and <= Maximum;
}
