using System.Globalization;

namespace OneStop.Feedback.Faults.Tests.Support;

/// <summary>
/// Sizes of the fault scenarios. The test suite runs reduced sizes; <c>OSF_FAULT_RATINGS=100000</c> runs the
/// full size of the kill scenarios (docs/reliability.md has the command).
/// </summary>
internal static class FaultSize
{
    public static int Ratings(int reduced) =>
        int.TryParse(Environment.GetEnvironmentVariable("OSF_FAULT_RATINGS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : reduced;

    /// <summary>Time allowed for <paramref name="ratings"/> ratings at a pessimistic 100/s, plus a minute for restarts.</summary>
    public static TimeSpan Budget(int ratings) => TimeSpan.FromSeconds(60 + (ratings / 100.0));
}
