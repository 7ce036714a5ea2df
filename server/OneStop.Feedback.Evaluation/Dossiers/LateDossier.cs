namespace OneStop.Feedback.Evaluation.Dossiers;

/// <summary>A dossier that needs an apology letter (thư xin lỗi).</summary>
/// <param name="LateBy">Completion (or "now" when still open) minus due.</param>
/// <param name="ReceivedAt">When the counter received it (the letter states it).</param>
public sealed record LateDossier(
    string Code,
    string? Procedure,
    string CounterId,
    DateTimeOffset Due,
    DateTimeOffset? CompletedAt,
    TimeSpan LateBy,
    DateTimeOffset ReceivedAt)
{
    /// <summary>True while the dossier is still not completed.</summary>
    public bool Open => CompletedAt is null;
}
