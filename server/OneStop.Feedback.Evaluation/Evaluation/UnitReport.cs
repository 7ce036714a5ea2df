namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>One unit's month, over the counters of its subtree. Shares 0–1, indexes 0–100, null when undefined.</summary>
/// <param name="DossiersCompleted">Dossiers received at the subtree's counters and completed in the month.</param>
/// <param name="OnTimeShare">Completed ≤ due among the completed dossiers that have a due.</param>
/// <param name="LateDossiers">Completed dossiers completed after due.</param>
/// <param name="UnitIndex">100 × weighted mean of satisfiedShare, onTimeShare, responseRate over the defined ones.</param>
public sealed record UnitReport(
    string UnitId,
    string Name,
    string? ParentId,
    int Ratings,
    int Flagged,
    FlagCounts Flags,
    IReadOnlyList<LevelCount> Distribution,
    int Satisfied,
    double? SatisfiedShare,
    double? HappyIndex,
    IReadOnlyList<CriterionScore> Criteria,
    double? WilsonLower,
    int Services,
    double? ResponseRate,
    int DossiersCompleted,
    double? OnTimeShare,
    int LateDossiers,
    double? UnitIndex);
