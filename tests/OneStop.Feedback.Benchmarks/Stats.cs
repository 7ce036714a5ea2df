namespace OneStop.Feedback.Benchmarks;

/// <summary>Percentiles of a latency sample (nearest-rank).</summary>
public static class Stats
{
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Describe(double[] latenciesMs)
    {
        var sorted = latenciesMs.Order().ToArray();
        return $"p50 {Percentile(sorted, 50):0.0} ms, p95 {Percentile(sorted, 95):0.0} ms, p99 {Percentile(sorted, 99):0.0} ms, max {sorted[^1]:0.0} ms";
    }
}
