namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>One officer's month. Shares are 0–1, indexes 0–100, unrounded; null means undefined (no data).</summary>
/// <param name="Ratings">Ratings attributed to the officer and not excluded.</param>
/// <param name="Flagged">Excluded ratings attributed to the officer, counted once each.</param>
/// <param name="Services">Service events of the officer (named by the event, else by the shift at the event).</param>
/// <param name="ResponseRate">Ratings that took one of the officer's service events / Services.</param>
/// <param name="Rank">1-based within the officer's unit among sufficient officers; null when insufficient.</param>
/// <param name="Tier">A–D, null when insufficient.</param>
/// <param name="TierLabel">The tier's label, or the insufficient-data label.</param>
public sealed record OfficerReport(
    string OfficerId,
    string? Name,
    string? UnitId,
    string? UnitName,
    int Ratings,
    int Flagged,
    FlagCounts Flags,
    IReadOnlyList<LevelCount> Distribution,
    int Satisfied,
    double? SatisfiedShare,
    double? HappyIndex,
    IReadOnlyList<CriterionScore> Criteria,
    double? WilsonLower,
    double? BayesianShare,
    int Services,
    double? ResponseRate,
    bool Sufficient,
    int? Rank,
    string? Tier,
    string TierLabel);
