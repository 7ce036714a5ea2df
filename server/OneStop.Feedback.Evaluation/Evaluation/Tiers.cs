namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>Tiers A–D from wilsonLower, with their configured labels.</summary>
public static class Tiers
{
    /// <summary>A ≥ TierAMinimum, B ≥ TierBMinimum, C ≥ TierCMinimum, else D.</summary>
    public static string TierOf(double wilsonLower, EvaluationOptions options) =>
        wilsonLower >= options.TierAMinimum ? "A"
        : wilsonLower >= options.TierBMinimum ? "B"
        : wilsonLower >= options.TierCMinimum ? "C"
        : "D";

    /// <summary>The tier's label (the code itself if unconfigured), or the insufficient-data label for no tier.</summary>
    public static string LabelOf(string? tier, EvaluationOptions options) =>
        tier is null ? options.InsufficientDataLabel : options.TierLabels.GetValueOrDefault(tier, tier);
}
