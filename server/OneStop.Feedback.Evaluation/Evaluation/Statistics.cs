namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>The fair statistics of the evaluation, as plain formulas (docs/evaluation.md).</summary>
public static class Statistics
{
    /// <summary>k / n, null when n = 0 (undefined is null, never NaN).</summary>
    public static double? Share(int k, int n) => n == 0 ? null : (double)k / n;

    /// <summary>
    /// Wilson score interval lower bound of k successes in n: a small sample cannot rank above a large one on luck.
    /// (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n); null when n = 0.
    /// </summary>
    public static double? WilsonLower(int k, int n, double z)
    {
        if (n == 0)
        {
            return null;
        }
        if (k == 0)
        {
            // Exactly 0 (the formula gives ±1e-17 from cancellation), so that such officers tie on wilsonLower and
            // the documented tie-breakers (ratings, id) decide, not rounding noise.
            return 0;
        }
        var p = (double)k / n;
        var z2 = z * z;
        var centre = p + (z2 / (2.0 * n));
        var margin = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (centre - margin) / (1 + (z2 / n));
    }

    /// <summary>
    /// (k + m·prior)/(n + m): the share shrunk toward the unit's share. Without a prior (the unit has no ratings)
    /// it is the plain share; null when both are undefined.
    /// </summary>
    public static double? BayesianShare(int k, int n, double m, double? prior) =>
        prior is null ? Share(k, n) : (n + m) == 0 ? null : (k + (m * prior.Value)) / (n + m);

    /// <summary>
    /// 100 × Σ wᵢcᵢ / Σ wᵢ over the defined components: an undefined component (no dossiers completed, no services)
    /// drops out and the others keep their relative weights. Null when no component with weight is defined.
    /// </summary>
    public static double? WeightedIndex(params ReadOnlySpan<(double? Value, double Weight)> components)
    {
        double sum = 0, weights = 0;
        foreach (var (value, weight) in components)
        {
            if (value is not null && weight > 0)
            {
                sum += weight * value.Value;
                weights += weight;
            }
        }
        return weights == 0 ? null : 100.0 * sum / weights;
    }
}
